/**
 * The real sign-in (`ClientSecretCredential`) and the real Graph client
 * (`@microsoft/microsoft-graph-client`) wired to the loopback Entra and Graph fakes, with a
 * test clock that never waits.
 */
import { resolveGraphCloud, type ResolvedGraphCloud } from '../../../core/graph/clouds';
import { createSignIn, type AzureSignIn } from '../../../node/azure/credentials';
import { graphSignInCloud } from '../../../node/graph/sign-in';
import { pullGraph, type GraphPullEvent, type GraphPullOptions, type GraphPullResult } from '../../../node/graph/pull';
import { canarySecret, CLIENT_ID, TestClock } from '../azure/harness';
import { FakeEntra, type FakeEntraOptions } from '../azure/fakes/fake-entra';
import { loopbackCertificate } from '../azure/fakes/tls';
import { FakeGraph, type FakeGraphOptions } from './fakes/fake-graph';
import { TENANT, wellConfiguredTenant } from '../../fixtures/graph/tenant';

export interface GraphHarness {
  entra: FakeEntra;
  graph: FakeGraph;
  cloud: ResolvedGraphCloud;
  signIn: AzureSignIn;
  clock: TestClock;
  secret: string;
  ca: string;
  events: GraphPullEvent[];
  pull(options?: Partial<GraphPullOptions>): Promise<GraphPullResult>;
  stop(): Promise<void>;
}

export async function startGraphHarness(
  options: { entra?: Partial<FakeEntraOptions>; graph?: Partial<Omit<FakeGraphOptions, 'entra'>>; presentedSecret?: string } = {},
): Promise<GraphHarness> {
  const secret = options.entra?.clientSecret ?? canarySecret();
  const entra = await new FakeEntra({ tenantId: TENANT, clientId: CLIENT_ID, ...options.entra, clientSecret: secret }).start();
  const graph = await new FakeGraph({ entra, data: wellConfiguredTenant(), ...options.graph }).start();
  const { cert } = await loopbackCertificate();
  const cloud = resolveGraphCloud({ graphEndpoint: graph.endpoint, authorityHost: entra.authorityHost });
  const signIn = createSignIn({
    method: 'service-principal',
    cloud: graphSignInCloud(cloud),
    tenantId: TENANT,
    clientId: CLIENT_ID,
    clientSecret: options.presentedSecret ?? secret,
    tlsOptions: { ca: cert },
  });
  const clock = new TestClock();
  const events: GraphPullEvent[] = [];
  return {
    entra,
    graph,
    cloud,
    signIn,
    clock,
    secret,
    ca: cert,
    events,
    pull: (extra = {}) => pullGraph({ signIn, cloud, tlsOptions: { ca: cert }, clock, onProgress: (e) => events.push(e), ...extra }),
    async stop() {
      await graph.stop();
      await entra.stop();
    },
  };
}
