/**
 * Database upgrades on a real old database in Chromium's IndexedDB: a page of the app's
 * origin creates the `demarc` database at an earlier schema version (the declarations of
 * the first versions in renderer/db/migrations.ts, as that release made them) with records
 * of that era; then the app opens it, Dexie runs every `upgrade()` since, and the records
 * come out in today's shape and on screen.
 */
import { expect, openApp, test as base } from './fixtures';
import { buildLegacyDatabaseScript } from './harness/build-bridge-shim';
import { goTo, readStore } from './pages/workshop';

const test = base.extend<object, { legacyDatabaseScript: string }>({
  legacyDatabaseScript: [async ({}, use) => use(await buildLegacyDatabaseScript()), { scope: 'worker' }], // eslint-disable-line no-empty-pattern -- no dependencies
});

const CREATED = '2025-06-02T09:00:00.000Z';
const UPDATED = '2025-06-03T17:30:00.000Z';

/** An assessment as release 1 stored it: no engagement, no content versions, status `complete`. */
const V1_ASSESSMENT = { id: 'a-v1', name: 'Northwind 2025 review', client: 'Northwind Traders', status: 'complete', createdAt: CREATED, updatedAt: UPDATED };

/** What release 2 added to every assessment, and what the upgrade gives a release-1 one. */
const RELEASE_2_FIELDS = {
  packId: 'azure-m365',
  packVersion: '1.0.0',
  matrixId: 'jan-2026',
  matrixVersion: '2026-01-12',
  riskMatrixId: 'iso27005-5x5',
  riskMatrixVersion: '1.0.0',
  engagement: { engagementId: '', consultants: [], startDate: '', endDate: '', attendees: [], preamble: '', classification: 'Confidential' },
  subscriptions: [],
  progress: { answered: 0, total: 0 },
  deletedAt: null,
};

const V2_ASSESSMENT = { ...V1_ASSESSMENT, ...RELEASE_2_FIELDS, id: 'a-v2', name: 'Fabrikam 2025 review', status: 'in-progress' };

/** A risk as release 2 stored it (before the register's riskRows projection existed). */
const V2_RISK = {
  assessmentId: 'a-v2',
  id: 'R-001',
  templateId: 'RT-IAM-01',
  title: 'Privileged accounts without phishing-resistant MFA',
  category: 'Identity',
  area: 'identity',
  serviceModels: ['saas'],
  owner: 'customer',
  ownerOverride: { owner: 'shared', justification: 'MSP runs the break-glass accounts', by: 'A. Rahman', at: UPDATED },
  effectiveOwner: 'shared',
  likelihood: 4,
  impact: 5,
  inherentLevel: 'critical',
  residual: { likelihood: 2, impact: 5, level: 'high' },
  treatment: 'mitigate',
  status: 'open',
  origin: 'derived',
  notes: 'Raised in the workshop.',
  updatedAt: UPDATED,
};

test.describe('database upgrades on a real old database', () => {
  test.beforeEach(async ({ page, appServer, legacyDatabaseScript }) => {
    await page.addInitScript({ content: legacyDatabaseScript });
    // A page of the app's origin that does not run the app: its database is not opened yet.
    await page.goto(`${appServer.origin}/no-app-here.txt`);
  });

  test('a release-1 database (schema 1): assessments gain the engagement and content versions, complete becomes final', async ({ page, appServer, bridgeShim, main, cspViolations }) => {
    expect(await page.evaluate((rows) => window.__demarcCreateLegacyDatabase!(1, { assessments: rows }), [V1_ASSESSMENT])).toBe(1);
    await openApp(page, { origin: appServer.origin, bridgeShim, main, cspViolations });

    const [stored] = await readStore(page, 'assessments');
    expect(stored).toEqual({ ...V1_ASSESSMENT, ...RELEASE_2_FIELDS, status: 'final' });
    await goTo(page, 'assessments');
    const row = page.getByTestId('assessment-row').filter({ hasText: 'Northwind 2025 review' });
    await expect(row).toContainText('Final');
    expect(cspViolations).toEqual([]);
  });

  test('a release-2 database (schema 2): every stored risk gets its register row', async ({ page, appServer, bridgeShim, main, cspViolations }) => {
    expect(await page.evaluate(([assessment, risk]) => window.__demarcCreateLegacyDatabase!(2, { assessments: [assessment], risks: [risk] }), [V2_ASSESSMENT, V2_RISK] as const)).toBe(2);
    await openApp(page, { origin: appServer.origin, bridgeShim, main, cspViolations });

    // the register's projection: the risk without its owner detail, notes and timestamp, plus whether the owner was overridden
    const { owner: _owner, ownerOverride: _override, notes: _notes, updatedAt: _updated, ...projected } = V2_RISK;
    expect(await readStore(page, 'riskRows')).toEqual([{ ...projected, ownerOverridden: true, verification: null }]);
    // the full risk is left as it was
    expect(await readStore(page, 'risks')).toEqual([V2_RISK]);
    expect(cspViolations).toEqual([]);
  });
});
