/**
 * The loopback HTTPS fakes of Entra ID and Resource Graph (test/integration/azure/fakes),
 * started for a browser e2e test, plus the harness options that make the main process's
 * real Azure session sign in and pull against them.
 *
 * In a spec:
 *
 *   const test = base.extend<{ fakes: AzureFakes }>({
 *     fakes: async ({}, use) => {
 *       const fakes = await startAzureFakes();
 *       await use(fakes);
 *       await fakes.stop();
 *     },
 *     azure: async ({ fakes }, use) => use(fakes.harnessOptions),
 *   });
 *
 * and sign in from the page with `target: fakes.target` and `method: 'device-code'`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeEntra, type FakeEntraOptions } from '../../integration/azure/fakes/fake-entra';
import { defaultRows, FakeResourceGraph, withTenantSubscriptions, type FakeResourceGraphOptions } from '../../integration/azure/fakes/fake-resource-graph';
import { fakeSafeStorage } from '../../integration/azure/fakes/safe-storage';
import { loopbackCertificate } from '../../integration/azure/fakes/tls';
import type { HarnessAzureOptions } from './main-process';

export const FAKE_TENANT_ID = '11111111-2222-3333-4444-555555555555';
/** What scope discovery lists on the fakes (each with `resourcesPerSubscription` resources). */
export const FAKE_SUBSCRIPTIONS = [
  'aaaaaaaa-0000-4000-8000-000000000001',
  'aaaaaaaa-0000-4000-8000-000000000002',
  'aaaaaaaa-0000-4000-8000-000000000003',
];
const FAKE_CLIENT_ID = '66666666-7777-8888-9999-000000000000';

export interface AzureFakes {
  entra: FakeEntra;
  graph: FakeResourceGraph;
  /** The `target` of `signInToAzure`: a custom cloud on the fakes. */
  target: { cloud: 'custom'; armEndpoint: string; authorityHost: string };
  /** The harness's `azure` option: trusts the fakes' certificate, keeps state in a temp folder. */
  harnessOptions: HarnessAzureOptions;
  stop(): Promise<void>;
}

export async function startAzureFakes(
  options: {
    entra?: Partial<FakeEntraOptions>;
    graph?: Omit<FakeResourceGraphOptions, 'entra'>;
    azure?: HarnessAzureOptions;
    /** Rows of `resources` per subscription (default 1500: two pages for the first one). */
    resourcesPerSubscription?: number;
  } = {},
): Promise<AzureFakes> {
  const entra = await new FakeEntra({
    tenantId: FAKE_TENANT_ID,
    clientId: FAKE_CLIENT_ID,
    clientSecret: 'e2e-unused-client-secret',
    ...options.entra,
  }).start();
  const graph = await new FakeResourceGraph({
    entra,
    rows: withTenantSubscriptions(FAKE_SUBSCRIPTIONS, defaultRows(options.resourcesPerSubscription ?? 1500)),
    ...options.graph,
  }).start();
  const { cert } = await loopbackCertificate();
  return {
    entra,
    graph,
    target: { cloud: 'custom', armEndpoint: graph.armEndpoint, authorityHost: entra.authorityHost },
    harnessOptions: {
      tlsOptions: { ca: cert },
      // The fakes listen on random loopback ports; the app itself accepts only 443.
      allowCustomEndpointPorts: true,
      directory: mkdtempSync(path.join(tmpdir(), 'demarc-e2e-azure-')),
      safeStorage: fakeSafeStorage('gnome_libsecret'),
      platform: 'linux',
      ...options.azure,
    },
    async stop() {
      await graph.stop();
      await entra.stop();
    },
  };
}
