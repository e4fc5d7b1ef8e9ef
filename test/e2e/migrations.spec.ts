/**
 * Database upgrades on a real old database in Chromium's IndexedDB: a page of the app's
 * origin creates the `demarc` database at an earlier schema version (the declarations of
 * the first versions in renderer/db/migrations.ts, as that release made them) with records
 * of that era; then the app opens it, Dexie runs every `upgrade()` since, and the records
 * come out in today's shape and on screen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AssessmentBundle } from '../../core/bundle/schema';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/db/migrations';
import { expect, openApp, test as base } from './fixtures';
import { buildLegacyDatabaseScript } from './harness/build-bridge-shim';
import { riskRowOf } from '../../renderer/db/database';
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

  test('risks stored under two retired templates that merge: one risk with the lowest id, the edit kept, migrated once', async ({ page, appServer, bridgeShim, main, cspViolations }) => {
    const tables = { assessments: [PACK_1_0_ASSESSMENT], answers: ANSWERS, risks: RETIRED_RISKS, riskRows: RETIRED_RISKS.map(riskRowOf) };
    expect(await page.evaluate(([version, t]) => window.__demarcCreateLegacyDatabase!(version, t), [CURRENT_SCHEMA_VERSION, tables] as const)).toBe(CURRENT_SCHEMA_VERSION);
    await openApp(page, { origin: appServer.origin, bridgeShim, main, cspViolations });
    await openRegister(page);

    const rows = page.getByTestId('risk-row');
    await expect(page.locator('[data-testid="risk-row"][data-risk-id="R-029"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="risk-row"][data-risk-id="R-117"]')).toHaveCount(0);
    const risks = await readStore(page, 'risks');
    const risk = risks.find((r) => r.id === 'R-029');
    // one risk for the weakness; R-117 is gone and stays retired: risks the scope raises are numbered after it
    expect(risks.filter((r) => r.templateId === 'RT-PAAS-PUBLIC-NETWORK')).toEqual([risk]);
    expect(risks.filter((r) => r.id !== 'R-029').map((r) => Number(String(r.id).slice(2))).every((n) => n > 117)).toBe(true);
    await expect(rows).toHaveCount(risks.length);
    expect(risk).toMatchObject({
      id: 'R-029',
      templateId: 'RT-PAAS-PUBLIC-NETWORK',
      formerIds: ['R-117'],
      status: 'open',
      treatment: 'accept',
      acceptance: EDIT.acceptance,
      actionOwner: EDIT.actionOwner,
      notes: `From R-117: ${EDIT.notes}`,
    });
    // R-117's history comes along after a note; the migration says what it did
    const history = risk!.history as { action: string; detail: string; by?: string }[];
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['merged-history', 'treatment', 'template-migrated']));
    expect(history.find((h) => h.action === 'treatment')).toMatchObject({ by: 'Alex Morgan' });
    const registerRows = await readStore(page, 'riskRows');
    expect(registerRows.map((r) => r.id).sort()).toEqual(risks.map((r) => r.id).sort());
    expect(registerRows.find((r) => r.id === 'R-029')).toMatchObject({ templateId: 'RT-PAAS-PUBLIC-NETWORK', treatment: 'accept', status: 'open' });
    expect((await readStore(page, 'assessments'))[0]).toMatchObject({ packVersion: PACK_VERSION });
    await page.locator('[data-testid="risk-row"][data-risk-id="R-029"]').getByTestId('risk-title').click();
    await expect(page.getByTestId('risk-detail')).toHaveAttribute('data-risk-id', 'R-029');
    // the merged risk's old id stays findable (a spreadsheet or ticket may cite it)
    await expect(page.getByTestId('detail-former-ids')).toHaveText('Formerly R-117: merged into R-029 when their risk templates were merged.');
    await page.getByTestId('detail-former-ids').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('risk-detail-former-ids.png') });
    await expect(page.getByTestId('history-entry').filter({ hasText: 'Treatment: — → accept' })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/register-after-template-migration.png', fullPage: true });

    // re-opening the app re-derives the register again: nothing changes any more
    const stored = await readStore(page, 'risks');
    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await openRegister(page);
    await expect(page.getByTestId('risk-row')).toHaveCount(stored.length);
    expect(await readStore(page, 'risks')).toEqual(stored);
    expect(cspViolations).toEqual([]);
  });
});

/** Opens the planted assessment and its register, and waits for the re-derivation. */
async function openRegister(page: Page): Promise<void> {
  await goTo(page, 'assessments');
  await page.getByRole('button', { name: `Open ${PACK_1_0_ASSESSMENT.name}` }).click();
  await goTo(page, 'risks');
  await expect(page.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
}

// The pack the app ships, and the demo bundle of pack 1.0.0 (before templates were merged) for real risk records.
const PACK_VERSION = /^version: (\S+)$/m.exec(readFileSync(path.join(import.meta.dirname, '../../assessments/azure-m365/pack.yaml'), 'utf8'))![1]!;
const OLD_BUNDLE = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/bundles/contoso-demo-v1-before-merge.demarc.json'), 'utf8')) as AssessmentBundle;

/** An assessment the app stored while it shipped pack 1.0.0 (not imported from a bundle). */
const PACK_1_0_ASSESSMENT = { ...RELEASE_2_FIELDS, id: 'a-pack-1-0', name: 'Contoso 2026 review', client: 'Contoso Pharma', status: 'in-progress', createdAt: CREATED, updatedAt: UPDATED, matrixId: OLD_BUNDLE.assessment.matrixId };

/** PaaS in scope and NET-07 answered "service firewall rules": pack 1.1.0 raises RT-PAAS-PUBLIC-NETWORK from it. */
const ANSWERS = [
  ['SCOPE-MODELS', ['paas']],
  ['NET-07', ['firewall']],
].map(([questionId, choices]) => ({ assessmentId: PACK_1_0_ASSESSMENT.id, questionId, choices, notApplicable: false, note: '', evidence: '', answeredBy: 'Dana Okafor', updatedAt: UPDATED }));

/** The consultant accepted R-117 before the upgrade. */
const EDIT = {
  treatment: 'accept',
  acceptance: { acceptedBy: 'Head of IT', expires: '2027-06-30' },
  actionOwner: 'Platform team',
  notes: 'Private endpoints are planned with the network refresh.',
  history: [{ at: UPDATED, action: 'treatment', detail: 'Treatment: — → accept', by: 'Alex Morgan' }],
};

/**
 * R-029 (RT-NET-PAAS-PUBLIC-ENDPOINTS) and R-117 (RT-PRIVATE-LINK-MISSING) as pack 1.0.0 raised
 * them: template-migrations.yaml retires both in favour of RT-PAAS-PUBLIC-NETWORK.
 */
const RETIRED_RISKS = ['R-029', 'R-117'].map((id) => {
  const r = OLD_BUNDLE.risks.find((x) => x.id === id)!;
  const record = { ...r, assessmentId: PACK_1_0_ASSESSMENT.id, origin: 'derived' as const, status: 'open' as const, notes: '', effectiveOwner: r.ownerOverride?.owner ?? r.owner, updatedAt: UPDATED };
  return id === 'R-117' ? { ...record, ...EDIT, treatment: 'accept' as const } : record;
});
