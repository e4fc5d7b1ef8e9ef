/**
 * Wires the real sign-in (ClientSecretCredential) and the real Resource Graph transport
 * (ResourceGraphClient) to the loopback fakes, with a test clock that never waits.
 */
import { randomBytes } from 'node:crypto';
import { resolveCloud, type ResolvedCloud } from '../../../core/azure/clouds';
import type { PullClock } from '../../../core/azure/retry-policy';
import { createSignIn, type AzureSignIn } from '../../../node/azure/credentials';
import { createResourceGraphTransport } from '../../../node/azure/resource-graph-transport';
import type { ResourceGraphTransport } from '../../../core/azure/transport';
import { FakeEntra, type FakeEntraOptions } from './fakes/fake-entra';
import { FakeResourceGraph, type FakeResourceGraphOptions } from './fakes/fake-resource-graph';
import { loopbackCertificate } from './fakes/tls';

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = '66666666-7777-8888-9999-000000000000';

/** A secret nobody would type: if it shows up anywhere, redaction failed. */
export function canarySecret(): string {
  return `canary-secret-${randomBytes(16).toString('hex')}`;
}

/** Sleeps are recorded and skipped; the fake's quota clock moves by the slept time. */
export class TestClock implements PullClock {
  readonly sleeps: number[] = [];
  private t = Date.parse('2026-03-01T09:00:00Z');
  onSleep: ((ms: number) => void) | undefined;

  now(): number {
    return this.t;
  }
  random(): number {
    return 0.5;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.t += ms;
    this.onSleep?.(ms);
  }
  /** Lets tests make "time" pass between requests so the ETA has a rate. */
  tick(ms: number): void {
    this.t += ms;
  }
}

export interface Harness {
  entra: FakeEntra;
  graph: FakeResourceGraph;
  cloud: ResolvedCloud;
  signIn: AzureSignIn;
  transport: ResourceGraphTransport;
  clock: TestClock;
  secret: string;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    entra?: Partial<FakeEntraOptions>;
    graph?: Omit<FakeResourceGraphOptions, 'entra'>;
    /** The secret the client presents; default the one the fake expects. */
    presentedSecret?: string;
  } = {},
): Promise<Harness> {
  const secret = options.entra?.clientSecret ?? canarySecret();
  const entra = await new FakeEntra({ tenantId: TENANT_ID, clientId: CLIENT_ID, ...options.entra, clientSecret: secret }).start();
  const graph = await new FakeResourceGraph({ entra, ...options.graph }).start();
  const { cert } = await loopbackCertificate();
  const cloud = resolveCloud({ armEndpoint: graph.armEndpoint, authorityHost: entra.authorityHost }, { anyPort: true });
  const signIn = createSignIn({
    method: 'service-principal',
    cloud,
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: options.presentedSecret ?? secret,
    tlsOptions: { ca: cert },
  });
  const transport = createResourceGraphTransport({ signIn, cloud, tlsOptions: { ca: cert } });
  const clock = new TestClock();
  clock.onSleep = (ms) => graph.advance(ms);
  return {
    entra,
    graph,
    cloud,
    signIn,
    transport,
    clock,
    secret,
    async stop() {
      await graph.stop();
      await entra.stop();
    },
  };
}

/** `count` distinct subscription ids, sorted. */
export function subscriptionIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${String(i).padStart(8, '0')}-aaaa-bbbb-cccc-${String(i).padStart(12, '0')}`);
}
