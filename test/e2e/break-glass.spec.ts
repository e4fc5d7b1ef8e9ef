/**
 * Emergency access (break-glass) accounts in the app, in real Chromium and IndexedDB: a Graph
 * snapshot file imported into the Inventory, the accounts named beside it (bad input refused
 * with the entry named), GR-09 re-assessed by the inventory worker and the register following
 * it, the names kept over a reload and carried by a bundle export and import.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BG1, BREAK_GLASS_UPNS, snapshotOf, wellConfiguredTenant } from '../fixtures/graph/tenant';
import { expect, test } from './fixtures';
import { createAssessment, expectAccessible, goTo, readStore } from './pages/workshop';

const NAME = 'Break-glass workshop';
const RISK = 'RT-PAM-NO-BREAK-GLASS';

/** The stored findings of one check (every Graph snapshot of the database). */
async function findingsOf(app: Page, checkId: string): Promise<{ status: string; evidence: Record<string, unknown> }[]> {
  const chunks = (await readStore(app, 'findingChunks')) as { findings: { checkId: string; status: string; evidence: Record<string, unknown> }[] }[];
  return chunks.flatMap((c) => c.findings).filter((f) => f.checkId === checkId);
}

async function riskStatus(app: Page): Promise<string | undefined> {
  return (await readStore(app, 'risks')).find((r) => r.templateId === RISK)?.status as string | undefined;
}

async function nameAccounts(app: Page, text: string): Promise<void> {
  await app.getByTestId('break-glass-input').fill(text);
  await app.getByTestId('break-glass-save').click();
}

test('name the emergency access accounts: GR-09 and the register follow, the names survive a reload and a bundle round trip', async ({ app, main }) => {
  test.setTimeout(120_000);
  await createAssessment(app, NAME);
  // PAM-09 (the question GR-09 can verify) points to where the accounts are named
  await goTo(app, 'interview');
  await app.getByTestId('domain-privileged-access').click();
  for (let i = 0; i < 20 && (await app.getByTestId('question-card').getAttribute('data-question-id')) !== 'PAM-09'; i++) {
    const before = await app.getByTestId('question-card').getAttribute('data-question-id');
    await app.getByTestId('question-skip').click();
    await expect(app.getByTestId('question-card')).not.toHaveAttribute('data-question-id', before ?? '');
  }
  await expect(app.getByTestId('break-glass-hint')).toBeVisible();
  await app.getByTestId('question-card').screenshot({ path: test.info().outputPath('pam-09-hint.png') });
  await app.getByTestId('break-glass-hint').getByRole('button', { name: 'name the emergency access accounts in the Inventory' }).click();
  await expect(app.getByTestId('area-inventory')).toBeVisible();
  // the well-configured tenant: two cloud-only break-glass accounts excluded from every enforced policy
  const snapshot = JSON.stringify(snapshotOf(wellConfiguredTenant()));
  await app.getByTestId('import-inventory-input').setInputFiles({ name: 'contoso-graph.json', mimeType: 'application/json', buffer: Buffer.from(snapshot) });
  await expect(app.getByTestId('inventory-imported')).toContainText('Microsoft Graph objects');
  // nothing named: GR-09 not assessed, and the exclusions of the two accounts weaken GR-03's policies
  await expect(app.getByTestId('break-glass-outcome')).toContainText('GR-09 not assessed: no emergency access accounts were named');
  expect(await findingsOf(app, 'GR-09')).toEqual([]);
  expect((await findingsOf(app, 'GR-03')).map((f) => f.status)).toEqual(['fail']);

  // bad input is refused, each entry named, nothing stored
  await nameAccounts(app, `${BREAK_GLASS_UPNS[0]}\nbreakglass\n${BREAK_GLASS_UPNS[0]!.toUpperCase()}`);
  const errors = app.getByTestId('break-glass-errors');
  await expect(errors).toContainText("Account 2: 'breakglass' is neither a user principal name (name@domain) nor an object id (a GUID)");
  await expect(errors).toContainText('Account 3: ');
  await expect(errors).toContainText('is named twice (names are compared ignoring case)');
  await expect(app.getByTestId('break-glass-input')).toHaveAttribute('aria-invalid', 'true');
  expect((await readStore(app, 'assessments'))[0]).not.toHaveProperty('breakGlassAccounts');
  await app.getByTestId('break-glass-panel').screenshot({ path: test.info().outputPath('break-glass-refused.png') });

  // one real account and one the tenant does not have: GR-09 fails, the register raises its risk
  await nameAccounts(app, `${BREAK_GLASS_UPNS[0]}\nold-breakglass@contoso.onmicrosoft.com`);
  await expect(app.getByTestId('break-glass-saved')).toContainText('Saved 2 emergency access account(s); the Graph checks were re-run');
  await expect(app.getByTestId('break-glass-errors')).toHaveCount(0);
  await expect(app.getByTestId('break-glass-outcome')).toContainText('GR-09 fails on this snapshot');
  const rows = app.getByTestId('break-glass-account');
  await expect(rows.nth(0)).toContainText('found: enabled, cloud-only, active Global Administrator; excluded from 3 of 3 enforced Conditional Access policies');
  await expect(rows.nth(1)).toContainText('not found in this snapshot');
  expect((await findingsOf(app, 'GR-09')).map((f) => [f.status, f.evidence.usable])).toEqual([['fail', 1]]);
  await expect.poll(() => riskStatus(app)).toBe('open');
  await expect(app.locator('[data-testid="graph-finding"][data-check="GR-09"]')).toHaveCount(1);

  // both accounts, the second by object id: GR-09 passes, GR-03's exclusions no longer weaken, the risk closes
  await nameAccounts(app, `${BREAK_GLASS_UPNS[1]}\n${BG1}`);
  await expect(app.getByTestId('break-glass-outcome')).toContainText('GR-09 passes on this snapshot');
  expect((await findingsOf(app, 'GR-09')).map((f) => f.status)).toEqual(['pass']);
  expect((await findingsOf(app, 'GR-03')).map((f) => f.status)).toEqual(['pass']);
  await expect.poll(() => riskStatus(app)).toBe('closed');
  await expect(app.getByTestId('break-glass-account')).toHaveCount(2);
  await expect(app.getByTestId('break-glass-account').nth(1)).toContainText(`${BG1} (${BREAK_GLASS_UPNS[0]})`);
  await app.getByTestId('break-glass-panel').screenshot({ path: test.info().outputPath('break-glass-panel.png') });
  await expectAccessible(app, 'Inventory with the emergency access accounts');

  // keyboard: Ctrl+Enter in the list saves it
  await app.getByTestId('break-glass-input').fill(`${BREAK_GLASS_UPNS[1]}\n${BG1}\n`);
  await app.getByTestId('break-glass-input').press('Control+Enter');
  await expect(app.getByTestId('break-glass-saved')).toContainText('Saved 2 emergency access account(s)');

  // a reload keeps them
  await app.reload();
  await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
  await goTo(app, 'inventory');
  await expect(app.getByTestId('break-glass-input')).toHaveValue(`${BREAK_GLASS_UPNS[1]}\n${BG1}`);
  await expect(app.getByTestId('break-glass-account')).toHaveCount(2);

  // the bundle carries them; imported back, the list is there (the snapshot's objects are not)
  await goTo(app, 'assessments');
  await app.getByRole('button', { name: `Export ${NAME}` }).click();
  await expect(app.getByTestId('assessments-notice')).toContainText('Exported');
  const exported = readFileSync(path.join(main.saveFolder, main.dialogCalls.at(-1)!.defaultPath), 'utf8');
  expect(JSON.parse(exported).graphSettings).toEqual({ breakGlassAccounts: [BREAK_GLASS_UPNS[1], BG1] });
  await app.getByRole('button', { name: `Delete ${NAME}` }).click();
  await app.getByTestId('delete-confirm').click();
  await expect(app.getByTestId('no-assessments')).toBeVisible();
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'back.demarc.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(app.getByTestId('import-success')).toBeVisible();
  await goTo(app, 'inventory');
  await expect(app.getByTestId('break-glass-input')).toHaveValue(`${BREAK_GLASS_UPNS[1]}\n${BG1}`);
  await expect(app.getByTestId('break-glass-outcome')).toContainText('GR-09 passes on this snapshot');
  await expect(app.getByTestId('break-glass-no-objects')).toBeVisible();

  // a Graph snapshot taken later, imported after the accounts are named, is checked with them straight away
  const later = snapshot.replace('"capturedAt":"2026-12-02T01:01:00Z"', '"capturedAt":"2026-12-02T02:01:00Z"');
  expect(later).not.toBe(snapshot);
  await app.getByTestId('import-inventory-input').setInputFiles({ name: 'contoso-graph-again.json', mimeType: 'application/json', buffer: Buffer.from(later) });
  await expect(app.getByTestId('inventory-imported')).toContainText('Microsoft Graph objects');
  await expect(app.getByTestId('break-glass-outcome')).toContainText('contoso-graph-again.json');
  await expect(app.getByTestId('break-glass-outcome')).toContainText('GR-09 passes on this snapshot');
  await expect(app.getByTestId('break-glass-no-objects')).toHaveCount(0);
  await expect(app.getByTestId('break-glass-account')).toHaveCount(2);
});

test('the demo names its emergency access accounts; its Graph snapshot, read from the bundle, keeps the findings they were checked with', async ({ app }) => {
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await goTo(app, 'inventory');
  await expect(app.getByTestId('break-glass-input')).toHaveValue(BREAK_GLASS_UPNS.join('\n'));
  await expect(app.getByTestId('break-glass-outcome')).toContainText('GR-09 passes on this snapshot');
  await expect(app.getByTestId('break-glass-no-objects')).toBeVisible();
  await app.getByTestId('break-glass-panel').screenshot({ path: test.info().outputPath('break-glass-demo.png') });
});
