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
