/**
 * Microsoft Entra ID and Microsoft 365 in the app: the Graph permissions before sign-in,
 * device-code sign-in against the loopback Entra fake, a Graph pull (real Graph client in
 * the harness's main process) against the loopback Graph fake with PIM refused for lack of a
 * licence, progress per collection, the snapshot and its gap in the Inventory, the Graph
 * findings in the register; and saved Graph responses imported from the Inventory import.
 */
import { ADMIN1, licenceGap, wellConfiguredTenant } from '../fixtures/graph/tenant';
import { byId } from '../fixtures/graph/fail-variants';
import type { Page } from '@playwright/test';
import { FakeGraph, type ScriptedFault } from '../integration/graph/fakes/fake-graph';
import { FAKE_TENANT_ID, startAzureFakes, type AzureFakes } from './harness/azure-fakes';
import { expect, test as base } from './fixtures';
import { createAssessment, expectAccessible, goTo, readStore } from './pages/workshop';

const PIM_GAP = licenceGap('roleAssignmentSchedules');

interface Fakes {
  azure: AzureFakes;
  graph: FakeGraph;
  stop(): Promise<void>;
}

/** The Entra, Resource Graph and Graph fakes; `faults` are played once each by the Graph fake. */
async function startFakes(faults: ScriptedFault[] = []): Promise<Fakes> {
  const azure = await startAzureFakes({ resourcesPerSubscription: 10 });
  const data = wellConfiguredTenant();
  // an eligible Global Administrator without any MFA method registered (GR-01 fails on them)
  Object.assign(byId(data, 'userRegistrationDetails', ADMIN1), { isMfaRegistered: false, isMfaCapable: false, methodsRegistered: [] });
  const graph = await new FakeGraph({
    entra: azure.entra,
    data,
    refuse: { roleAssignmentSchedules: { status: PIM_GAP.httpStatus!, code: PIM_GAP.code, message: PIM_GAP.message } },
    faults,
  }).start();
  return {
    azure,
    graph,
    stop: async () => {
      await graph.stop();
      await azure.stop();
    },
  };
}

const test = base.extend<{ fakes: Fakes }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures without dependencies take `{}`
  fakes: async ({}, use) => {
    const fakes = await startFakes();
    await use(fakes);
    await fakes.stop();
  },
  azure: async ({ fakes }, use) => use(fakes.azure.harnessOptions),
});

/** Graph throttles the users collection with a long Retry-After: the pull waits there until cancelled. */
const throttled = base.extend<{ fakes: Fakes }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures without dependencies take `{}`
  fakes: async ({}, use) => {
    const fakes = await startFakes([{ collection: 'users', fault: { kind: 'throttle', retryAfter: '100' } }]);
    await use(fakes);
    await fakes.stop();
  },
  azure: async ({ fakes }, use) => use(fakes.azure.harnessOptions),
});

async function signIn(app: Page, fakes: Fakes): Promise<void> {
  await app.getByTestId('azure-cloud').selectOption('custom');
  await app.getByTestId('azure-arm-endpoint').fill(fakes.azure.target.armEndpoint);
  await app.getByTestId('azure-authority-host').fill(fakes.azure.target.authorityHost);
  await app.getByTestId('azure-sign-in').click();
  await expect(app.getByTestId('azure-account')).toBeVisible();
}

test('a Graph pull on the Azure sign-in stores a Graph snapshot with its licence gap and feeds the register', async ({ app, fakes }) => {
  await createAssessment(app, 'Graph pull workshop');
  await goTo(app, 'inventory');
  await app.getByTestId('azure-panel').getByRole('button', { name: /Connect to Azure/ }).click();
  await app.getByRole('radio', { name: /Microsoft Entra ID and Microsoft 365/ }).check();
  // before sign-in: every collection's permission and why it is read
  await expect(app.getByTestId('graph-permission-row')).toHaveCount(14);
  await expect(app.getByTestId('graph-permissions')).toContainText('RoleManagement.Read.Directory');
  await expect(app.getByTestId('graph-permissions')).toContainText('Microsoft Entra ID P2');
  await app.getByTestId('azure-panel').screenshot({ path: test.info().outputPath('graph-connect-permissions.png') });
  await expectAccessible(app, 'connect panel with the Graph permissions');

  await signIn(app, fakes);
  await expect(app.getByTestId('graph-permissions')).toHaveCount(0);
  await expect(app.getByTestId('graph-start-pull')).toBeDisabled(); // a custom cloud must name its Graph
  await app.getByTestId('graph-endpoint').fill(fakes.graph.endpoint);
  await app.getByTestId('graph-start-pull').click();

  await expect(app.getByTestId('graph-pull-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(app.getByTestId('graph-pull-status')).toHaveText('complete', { timeout: 60_000 });
  await expect(app.getByTestId('graph-pull-progress')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(app.locator('[data-testid="graph-collection"][data-collection="roleAssignmentSchedules"]')).toHaveAttribute('data-state', 'gap');
  await expect(app.locator('[data-testid="graph-collection"][data-collection="users"]')).toHaveAttribute('data-state', 'done');
  await app.getByTestId('azure-panel').screenshot({ path: test.info().outputPath('graph-connect-progress.png') });
  expect(fakes.graph.nonGetRequests).toEqual([]);

  const snapshots = await readStore(app, 'snapshots');
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]).toMatchObject({ source: 'graph-pull', status: 'complete', graph: { tenantId: FAKE_TENANT_ID, gaps: [PIM_GAP] } });
  const row = app.locator('[data-testid="snapshot-row"][data-source="microsoft-graph"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('snapshot-gaps')).toHaveText('1 gap(s)');
  await expect(app.locator('[data-testid="graph-gap"][data-collection="roleAssignmentSchedules"]')).toContainText('AadPremiumLicenseRequired');
  await expect(app.locator('[data-testid="graph-finding"][data-check="GR-01"]').first()).toBeVisible();
  await app.getByTestId('snapshot-list').screenshot({ path: test.info().outputPath('graph-inventory-snapshots.png') });
  await app.getByTestId('graph-snapshot-detail').screenshot({ path: test.info().outputPath('graph-inventory-detail.png') });

  // the register derives from the Graph findings: a privileged account without MFA, verified by Graph
  await expect.poll(async () => (await readStore(app, 'risks')).some((r) => (r.evidence as { findings: { checkId: string }[] }).findings.some((f) => f.checkId === 'GR-01'))).toBe(true);
});

test('saved Graph responses picked together become a Graph import snapshot; one missing page is refused', async ({ app }) => {
  await createAssessment(app, 'Graph import workshop');
  await goTo(app, 'inventory');
  const data = wellConfiguredTenant();
  const file = (name: string, body: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
  const users = data.users as Record<string, unknown>[];
  // a users page that says more follow, without the next page: refused whole, nothing stored
  await app.getByTestId('import-inventory-input').setInputFiles([file('organization.json', { value: [data.organization].flat() }), file('users.json', { value: users, '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?$skiptoken=2' })]);
  await expect(app.getByTestId('inventory-error')).toContainText('a page is missing');
  expect(await readStore(app, 'snapshots')).toHaveLength(0);

  await app.getByTestId('import-inventory-input').setInputFiles([file('organization.json', { value: [data.organization].flat() }), file('users.json', { value: users }), file('authorizationPolicy.json', data.authorizationPolicy)]);
  await expect(app.getByTestId('inventory-imported')).toContainText('Microsoft Graph objects');
  const [snapshot] = await readStore(app, 'snapshots');
  expect(snapshot).toMatchObject({ source: 'graph-import', resourceCount: [data.organization].flat().length + users.length + 1 });
  // the eleven collections not given are recorded as not provided
  expect((snapshot!.graph as { gaps: { kind: string }[] }).gaps.filter((g) => g.kind === 'not-provided')).toHaveLength(11);
  await expect(app.locator('[data-testid="snapshot-row"][data-source="microsoft-graph"]')).toContainText('Microsoft Graph import');
});

test('the demo lists its Resource Graph and Microsoft Graph snapshots side by side; the Graph one keeps its licence gap', async ({ app }) => {
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await goTo(app, 'inventory');
  await expect(app.getByTestId('snapshot-row')).toHaveCount(2);
  await expect(app.getByTestId('resource-name').first()).toBeVisible(); // the Resource Graph snapshot is shown first
  const graphRow = app.locator('[data-testid="snapshot-row"][data-source="microsoft-graph"]');
  await expect(graphRow.getByTestId('snapshot-gaps')).toHaveText('2 gap(s)');
  await graphRow.getByRole('button', { name: /Show snapshot/ }).click();
  await expect(app.getByTestId('graph-not-assessed')).toContainText('GR-08');
  await expect(app.locator('[data-testid="graph-finding"][data-check="GR-01"]')).toHaveCount(3);
  await app.getByTestId('snapshot-list').screenshot({ path: test.info().outputPath('demo-snapshots.png') });
  await app.getByTestId('graph-snapshot-detail').screenshot({ path: test.info().outputPath('demo-graph-detail.png') });
  await expectAccessible(app, 'inventory with a Graph snapshot');
});

throttled('a Graph pull waiting on throttling is cancelled from the panel: nothing is stored', async ({ app, fakes }) => {
  await createAssessment(app, 'Graph cancel workshop');
  await goTo(app, 'inventory');
  await app.getByTestId('azure-panel').getByRole('button', { name: /Connect to Azure/ }).click();
  await app.getByRole('radio', { name: /Microsoft Entra ID and Microsoft 365/ }).check();
  await signIn(app, fakes);
  await app.getByTestId('graph-endpoint').fill(fakes.graph.endpoint);
  await app.getByTestId('graph-start-pull').click();
  const users = app.locator('[data-testid="graph-collection"][data-collection="users"]');
  await expect(users).toContainText('retry 1 in 100 s');
  await expect(app.locator('[data-testid="graph-collection"][data-collection="organization"]')).toHaveAttribute('data-state', 'done');
  await app.getByTestId('graph-cancel-pull').click();
  await expect(app.getByTestId('graph-pull-status')).toHaveText('cancelled');
  await expect(app.getByTestId('graph-cancel-pull')).toHaveCount(0);
  expect(await readStore(app, 'snapshots')).toHaveLength(0);
  await expect(app.getByTestId('no-snapshots')).toBeVisible();
});
