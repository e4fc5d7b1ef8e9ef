/**
 * Row keys named `__proto__`, `constructor` and `prototype` (core/inventory/reserved-keys.ts):
 * a live pull from the Resource Graph fake stores the rows without them and says so, the
 * exported bundle carries exactly the stored rows, and importing it stores them again
 * unchanged. A bundle that does carry such keys in its rows imports with the same rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultRows, withTenantSubscriptions, type RowGenerator } from '../integration/azure/fakes/fake-resource-graph';
import { FAKE_SUBSCRIPTIONS, startAzureFakes, type AzureFakes } from './harness/azure-fakes';
import { expect, test as base } from './fixtures';
import { connectAndPullAll } from './pages/azure';
import { createAssessment, goTo, readStore } from './pages/workshop';

const HOSTILE_NAME = 'streservedkeys';

/** What Demarc keeps of a storage account row below. */
function keptRow(subscriptionId: string): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/rg-keys/providers/Microsoft.Storage/storageAccounts/${HOSTILE_NAME}`,
    name: HOSTILE_NAME,
    type: 'microsoft.storage/storageaccounts',
    location: 'westeurope',
    subscriptionId,
    resourceGroup: 'rg-keys',
    tags: { owner: 'ops' },
    properties: { minimumTlsVersion: 'TLS1_2', networkAcls: { defaultAction: 'Deny' } },
  };
}

/** The row as JSON.parse makes it from Resource Graph: five reserved keys, own properties, at the top and nested. */
function hostileRow(subscriptionId: string): Record<string, unknown> {
  const text = JSON.stringify(keptRow(subscriptionId))
    .replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"polluted":true},"prototype":"p",')
    .replace('"tags":{', '"tags":{"constructor":"x",')
    .replace('"networkAcls":{', '"networkAcls":{"__proto__":{"isAdmin":true},');
  return JSON.parse(text) as Record<string, unknown>;
}

function withHostileRows(rows: RowGenerator): RowGenerator {
  return (table, types, subscriptions, managementGroups) =>
    table === 'resources' ? [...rows(table, types, subscriptions, managementGroups), ...subscriptions.map(hostileRow)] : rows(table, types, subscriptions, managementGroups);
}

const test = base.extend<{ fakes: AzureFakes }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures without dependencies take `{}`
  fakes: async ({}, use) => {
    const fakes = await startAzureFakes({ graph: { rows: withTenantSubscriptions(FAKE_SUBSCRIPTIONS, withHostileRows(defaultRows(3))) } });
    await use(fakes);
    await fakes.stop();
  },
  azure: async ({ fakes }, use) => use(fakes.harnessOptions),
});

async function storedHostileRows(app: Parameters<typeof readStore>[0]): Promise<Record<string, unknown>[]> {
  const chunks = (await readStore(app, 'resourceChunks')) as { snapshotId: string; rows: Record<string, unknown>[] }[];
  return chunks
    .flatMap((c) => c.rows)
    .filter((r) => r.name === HOSTILE_NAME)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

test('pull -> export -> import: rows with reserved keys are stored, exported and imported the same way', async ({ app, fakes, main }) => {
  await createAssessment(app, 'Reserved keys');
  await goTo(app, 'inventory');
  await connectAndPullAll(app, fakes);

  // pulled: the rows are kept without the reserved keys, and the snapshot says what was dropped
  const expected = [...FAKE_SUBSCRIPTIONS].sort().map(keptRow);
  const pulled = await storedHostileRows(app);
  expect(JSON.stringify(pulled)).toBe(JSON.stringify(expected));
  const [snapshot] = (await readStore(app, 'snapshots')) as { errors: { scope: string; message: string }[] }[];
  expect(snapshot!.errors).toContainEqual({ scope: 'rows', message: expect.stringMatching(/^\d+ keys named __proto__, constructor or prototype were dropped/) });

  // exported: the bundle carries the stored rows as they are
  await goTo(app, 'assessments');
  await app.getByRole('button', { name: 'Export Reserved keys' }).click();
  await expect(app.getByTestId('assessments-notice')).toContainText('Exported');
  const exported = readFileSync(path.join(main.saveFolder, main.dialogCalls.at(-1)!.defaultPath), 'utf8');
  const bundle = JSON.parse(exported) as { inventory: { resources: { row: Record<string, unknown> }[] } };
  const exportedRows = bundle.inventory.resources.map((r) => r.row).filter((r) => r.name === HOSTILE_NAME);
  expect(JSON.stringify(exportedRows.sort((a, b) => String(a.id).localeCompare(String(b.id))))).toBe(JSON.stringify(expected));

  // imported after deleting the original: the same rows again, nothing to drop
  await app.getByRole('button', { name: 'Delete Reserved keys' }).click();
  await app.getByTestId('delete-confirm').click();
  await expect(app.getByTestId('no-assessments')).toBeVisible();
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'keys.demarc.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(app.getByTestId('import-success')).toHaveText('Imported “Reserved keys”.');
  expect(JSON.stringify(await storedHostileRows(app))).toBe(JSON.stringify(expected));
});

test('a bundle whose rows carry reserved keys imports under the same rule, and refuses them elsewhere', async ({ app }) => {
  const demo = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'assessments', 'demo', 'contoso-demo.demarc.json'), 'utf8');
  // the first row of the demo gets all three keys, one of them nested
  const withKeys = demo.replace(/"row": \{/, '"row": {"__proto__": {"polluted": true}, "constructor": {"polluted": true}, "tags2": {"prototype": 1},');
  expect(withKeys).not.toBe(demo);
  await goTo(app, 'assessments');
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'keys.demarc.json', mimeType: 'application/json', buffer: Buffer.from(withKeys) });
  await expect(app.getByTestId('import-success')).toContainText('3 keys named __proto__, constructor or prototype were dropped from the rows');
  const rows = ((await readStore(app, 'resourceChunks')) as { rows: Record<string, unknown>[] }[]).flatMap((c) => c.rows);
  expect(rows.find((r) => 'tags2' in r)?.tags2).toEqual({});
  for (const row of rows) for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.keys(row)).not.toContain(key);

  const elsewhere = demo.replace(/"assessment": \{/, '"assessment": {"constructor": {"polluted": true},');
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'elsewhere.demarc.json', mimeType: 'application/json', buffer: Buffer.from(elsewhere) });
  await expect(app.getByTestId('import-error').filter({ hasText: 'assessment.constructor' })).toHaveCount(1);
});

test('an inventory file whose rows carry reserved keys is imported under the same rule', async ({ app }) => {
  const subscriptionId = FAKE_SUBSCRIPTIONS[0]!;
  const file = `[${JSON.stringify(keptRow(subscriptionId)).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":1,"prototype":2,')}]`;
  await createAssessment(app, 'Reserved keys from a file');
  await goTo(app, 'inventory');
  await app.getByTestId('import-inventory-input').setInputFiles({ name: 'keys.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(app.getByTestId('inventory-imported')).toContainText('3 keys named __proto__, constructor or prototype were dropped from the rows');
  expect(JSON.stringify(await storedHostileRows(app))).toBe(JSON.stringify([keptRow(subscriptionId)]));
  const [snapshot] = (await readStore(app, 'snapshots')) as { errors: { scope: string; message: string }[] }[];
  expect(snapshot!.errors).toEqual([{ scope: 'rows', message: expect.stringContaining('3 keys named') }]);
});
