import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerScope, createAssessment, expectAccessible, focusQuestion, goTo, readStore, waitSaved } from './pages/workshop';

/** Answers `count` interview questions with their third choice (often "no": raises risks). */
async function answerWithThird(app: Page, count: number): Promise<void> {
  await goTo(app, 'interview');
  await focusQuestion(app);
  for (let i = 0; i < count; i++) {
    const id = await app.getByTestId('question-card').getAttribute('data-question-id');
    await app.keyboard.press('3');
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('question-card')).not.toHaveAttribute('data-question-id', id ?? '');
  }
  await waitSaved(app);
}

test('a risk added by hand: checked before anything is stored, owned per the matrix, kept by re-derivation, deletable', async ({ app }) => {
  await createAssessment(app, 'Manual risks');
  await answerScope(app, ['1', '2', '3']);
  await answerWithThird(app, 6);

  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  const before = await readStore(app, 'risks');
  const expectedId = `R-${String(Math.max(0, ...before.map((r) => Number(String(r.id).slice(2)))) + 1).padStart(3, '0')}`;

  await app.getByTestId('add-risk').click();
  await expect(app.getByTestId('add-risk-form')).toBeVisible();
  await expectAccessible(app, 'add a risk');
  await app.getByTestId('add-risk-submit').click();
  const form = app.getByTestId('add-risk-form');
  await expect(form).toContainText('Give the risk a title of at least 5 characters.');
  await expect(form).toContainText('Choose the domain of the risk.');
  await expect(form).toContainText('Pick the service models the risk concerns.');
  expect(await readStore(app, 'risks')).toHaveLength(before.length);

  await app.getByTestId('add-risk-title').fill('Break-glass password kept in a shared mailbox');
  await app.getByTestId('add-risk-threat').fill('Anyone with access to the mailbox can take over the tenant.');
  await app.getByTestId('add-risk-category').selectOption('privileged-access');
  await app.getByTestId('add-risk-area').selectOption('identities-users');
  await app.getByTestId('add-risk-model-saas').click();
  await expect(app.getByTestId('add-risk-owner')).toContainText(': customer.');
  await app.getByTestId('add-risk-likelihood').selectOption('4');
  await app.getByTestId('add-risk-impact').selectOption('5');
  await app.getByTestId('add-risk-recommendation').fill('Seal the credential and keep it in a vault with access reviews.');
  await app.getByTestId('add-risk-playbook-identity-compromise').click();
  await app.getByTestId('add-risk-submit').click();

  await expect(app.getByTestId('add-risk-form')).toHaveCount(0);
  const detail = app.getByTestId('risk-detail');
  await expect(detail).toHaveAttribute('data-risk-id', expectedId);
  await expect(detail).toContainText('Added by hand.');
  await expect(app.getByTestId('history-entry').first()).toHaveAttribute('data-action', 'created');
  await expect(app.locator(`[data-testid="risk-row"][data-risk-id="${expectedId}"]`)).toBeVisible();
  const added = (await readStore(app, 'risks')).find((r) => r.id === expectedId);
  expect(added).toMatchObject({ origin: 'manual', templateId: `MANUAL-${expectedId}`, effectiveOwner: 'customer', likelihood: 4, impact: 5, status: 'open', irPlaybooks: ['identity-compromise'] });

  // more answers raise more derived risks: they are numbered after the manual one, which stays as it is
  await answerWithThird(app, 6);
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await expect.poll(async () => (await readStore(app, 'risks')).length).toBeGreaterThan(before.length + 1);
  const after = await readStore(app, 'risks');
  expect(after.find((r) => r.id === expectedId)).toMatchObject({ origin: 'manual', title: 'Break-glass password kept in a shared mailbox', status: 'open' });
  const derivedAfter = after.filter((r) => r.origin === 'derived' && !before.some((b) => b.id === r.id));
  for (const r of derivedAfter) expect(Number(String(r.id).slice(2))).toBeGreaterThan(Number(expectedId.slice(2)));

  // only hand-added risks can be deleted, after a confirmation
  await app.locator(`[data-testid="risk-row"][data-risk-id="${expectedId}"]`).getByTestId('risk-title').click();
  await app.getByTestId('delete-risk').click();
  await app.getByTestId('delete-risk-confirm').click();
  await expect(app.locator(`[data-testid="risk-row"][data-risk-id="${expectedId}"]`)).toHaveCount(0);
  expect((await readStore(app, 'risks')).some((r) => r.id === expectedId)).toBe(false);
  expect((await readStore(app, 'riskRows')).some((r) => r.id === expectedId)).toBe(false);
  if (derivedAfter[0]) {
    await app.locator(`[data-testid="risk-row"][data-risk-id="${String(derivedAfter[0].id)}"]`).getByTestId('risk-title').click();
    await expect(app.getByTestId('delete-risk')).toHaveCount(0);
  }
});

/** Storage accounts failing ST-01 (secure transfer), from the pack's fixture. */
function failingStorage(): Buffer {
  const file = path.resolve(import.meta.dirname, '..', '..', 'assessments', 'azure-m365', 'checks', 'fixtures', 'ST-01.fail.json');
  return readFileSync(file);
}

test('each risk shows how it is known and why it is rated so; the consultant score survives re-derivation', async ({ app }, testInfo) => {
  await createAssessment(app, 'How known');
  await answerScope(app, ['1', '2', '3']);
  // the third choice of the scoping questions includes payment card data: impact follows the stakes
  await answerWithThird(app, 8);
  // "Don't know" on the next question: a note to verify, no raise
  await focusQuestion(app);
  const unknownId = await app.getByTestId('question-card').getAttribute('data-question-id');
  await app.getByTestId('choice-unknown').click();
  await focusQuestion(app);
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('question-card')).not.toHaveAttribute('data-question-id', unknownId ?? '');
  await waitSaved(app);
  await goTo(app, 'inventory');
  await app.getByTestId('import-inventory-input').setInputFiles({
    name: 'storage.json',
    mimeType: 'application/json',
    buffer: failingStorage(),
  });
  await expect(app.getByTestId('inventory-imported')).toBeVisible();

  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('risk-known').filter({ hasText: 'Verified' }).first()).toBeVisible();
  await expect(app.getByTestId('risk-known').filter({ hasText: 'Reported' }).first()).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('register-how-known.png') });

  // the "Don't know" answer's risk carries the note to verify
  const withNote = (await readStore(app, 'risks')).find((r) => (r.evidenceNotes as string[]).some((n) => n.includes(`${unknownId} is "Don't know"`)))!;
  expect(withNote).toBeDefined();
  await app.locator(`[data-testid="risk-row"][data-risk-id="${String(withNote.id)}"]`).getByTestId('risk-title').click();
  await expect(app.getByTestId('evidence-note')).toContainText('to verify with the client');
  await app.getByTestId('evidence-note').scrollIntoViewIfNeeded();
  await app.getByTestId('risk-detail').screenshot({ path: testInfo.outputPath('risk-detail-note.png') });

  // the filter keeps verified risks only
  await app.getByTestId('risk-filter-known').selectOption('verified');
  await app.getByTestId('risk-table').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await app.screenshot({ path: testInfo.outputPath('register-verified.png') });
  const known = await app.getByTestId('risk-known').allTextContents();
  expect(known.length).toBeGreaterThan(0);
  expect(new Set(known)).toEqual(new Set(['Verified']));
  await app.getByTestId('risk-row').first().getByTestId('risk-title').click();
  await expect(app.getByTestId('detail-known')).toHaveAttribute('data-status', 'verified');
  await expect(app.getByTestId('rating-basis')).toContainText('Template baseline');
  await app.getByTestId('risk-filter-known').selectOption('reported');

  // a reported risk: the scoping answers moved its impact, with the reason shown
  const risks = await readStore(app, 'risks');
  const rated = risks.find(
    (r) => r.evidenceStatus === 'reported' && (r.rating as { adjustments: { factor: string }[] }).adjustments.some((a) => a.factor === 'scoping'),
  )!;
  expect(rated).toBeDefined();
  await app
    .locator(`[data-testid="risk-row"][data-risk-id="${String(rated.id)}"]`)
    .getByTestId('risk-title')
    .click();
  await expect(app.getByTestId('detail-known')).toHaveAttribute('data-status', 'reported');
  await expect(app.getByTestId('rating-adjustment').filter({ hasText: 'payment card data (scoping answers)' })).toHaveCount(1);
  await app.getByTestId('risk-detail').screenshot({ path: testInfo.outputPath('risk-detail-rating.png') });
  await app.getByTestId('detail-known').scrollIntoViewIfNeeded();
  await app.getByTestId('risk-detail').screenshot({ path: testInfo.outputPath('risk-detail-known.png') });

  // the consultant's likelihood wins over the engine's, after more answers re-derive the register
  const chosen = (Number(rated.likelihood) % 5) + 1;
  await app.getByTestId('edit-likelihood').selectOption(String(chosen));
  await waitSaved(app);
  await answerWithThird(app, 3);
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await expect.poll(async () => (await readStore(app, 'risks')).length).toBeGreaterThan(risks.length);
  const after = (await readStore(app, 'risks')).find((r) => r.id === rated.id)!;
  expect(after.likelihood).toBe(chosen);
  expect((after.history as { action: string }[]).some((h) => h.action === 'likelihood')).toBe(true);
  await app
    .locator(`[data-testid="risk-row"][data-risk-id="${String(rated.id)}"]`)
    .getByTestId('risk-title')
    .click();
  await expect(app.getByTestId('rating-overridden')).toContainText(`likelihood ${String((rated.rating as { likelihood: number }).likelihood)} → ${chosen}`);
});
