import { expect, test } from './fixtures';
import { answerScope, createAssessment, currentQuestion, expectAccessible, goTo, readStore, waitSaved } from './pages/workshop';

test('Provider-commitment worksheet: the AWS sheet of the demo is filled in, saved as typed, and survives a reload', async ({ app }) => {
  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await goTo(app, 'commitments');
  const sheet = app.getByTestId('worksheet-aws');
  await expect(sheet).toContainText('Amazon Web Services');
  // the workshop's answers came with the demo; the item nobody answered reads unknown
  await expect(app.getByTestId('worksheet-status-aws-data-location-yes')).toBeChecked();
  await expect(app.getByTestId('worksheet-status-aws-encryption-keys-unknown')).toBeChecked();

  await app.getByTestId('worksheet-status-aws-encryption-keys-partial').click();
  await app.getByTestId('worksheet-note-aws-encryption-keys').fill('RDS encrypted with an AWS-managed key; EC2 volumes not encrypted.');
  await app.getByTestId('worksheet-status-aws-exit-terms-yes').click();
  await waitSaved(app);
  await app.screenshot({ path: 'test-results/screens/provider-worksheet.png', fullPage: true });
  await expectAccessible(app, 'provider worksheets');

  // a note past the bundle's limit is refused whole: the stored sheet keeps the last valid one
  await app.getByTestId('worksheet-note-aws-backup').fill('x'.repeat(5001));
  await expect(app.getByTestId('worksheet-error-aws')).toContainText('Not saved');

  await app.reload();
  await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
  await goTo(app, 'commitments');
  await expect(app.getByTestId('worksheet-status-aws-encryption-keys-partial')).toBeChecked();
  await expect(app.getByTestId('worksheet-note-aws-encryption-keys')).toHaveValue('RDS encrypted with an AWS-managed key; EC2 volumes not encrypted.');
  await expect(app.getByTestId('worksheet-status-aws-exit-terms-yes')).toBeChecked();
  await expect(app.getByTestId('worksheet-note-aws-backup')).toHaveValue(/RDS automated backups/);

  const [stored] = await readStore(app, 'providerWorksheets');
  expect(stored).toMatchObject({ provider: 'aws' });
  const answers = stored!.answers as { itemId: string; status: string; note?: string }[];
  expect(answers.find((a) => a.itemId === 'encryption-keys')).toEqual({ itemId: 'encryption-keys', status: 'partial', note: 'RDS encrypted with an AWS-managed key; EC2 volumes not encrypted.' });
  expect(answers.find((a) => a.itemId === 'backup')!.note).toMatch(/^RDS automated backups/);
});

test('Provider-commitment worksheet: "another provider" takes a name and has no sourced matrix', async ({ app }) => {
  await app.setViewportSize({ width: 1600, height: 1000 });
  await createAssessment(app, 'Multi-cloud workshop');
  await answerScope(app, ['1']);
  await expect.poll(() => currentQuestion(app)).toBe('SCOPE-M365');
  await app.keyboard.press('2');
  await app.keyboard.press('Enter');
  await expect.poll(() => currentQuestion(app)).toBe('SCOPE-OTHER-CLOUDS');
  await app.keyboard.press('3');
  await app.keyboard.press('5');
  await app.keyboard.press('Enter');
  await waitSaved(app);

  await goTo(app, 'commitments');
  await expect(app.getByTestId('worksheet-gcp')).toContainText('Google Cloud');
  const other = app.getByTestId('worksheet-other');
  await expect(other).toContainText('no sourced responsibility matrix');
  await app.getByTestId('worksheet-name-other').fill('Veeva Vault');
  await app.getByTestId('worksheet-status-other-sla-read-no').click();
  await expect(other.getByRole('heading', { name: 'Veeva Vault' })).toBeVisible();
  await waitSaved(app);
  await other.screenshot({ path: 'test-results/screens/provider-worksheet-other.png' });

  await app.reload();
  await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
  await goTo(app, 'commitments');
  await expect(app.getByTestId('worksheet-name-other')).toHaveValue('Veeva Vault');
  await expect(app.getByTestId('worksheet-status-other-sla-read-no')).toBeChecked();
  await expect(app.getByTestId('worksheet-status-gcp-sla-read-unknown')).toBeChecked();
});

test("a multi-cloud risk's owner is read on the AWS matrix, and the register says so", async ({ app }) => {
  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await app.getByTestId('risk-filter-category').selectOption('incident-response');
  const row = app.getByTestId('risk-row').filter({ hasText: 'does not cover the other cloud providers' });
  await row.getByTestId('risk-title').click();
  const basis = app.getByTestId('owner-provider-basis');
  await expect(basis).toContainText('The Amazon Web Services matrix gives');
  await expect(basis).toContainText('AWS Well-Architected Framework');
  await expect(basis).toContainText('“Configurations and settings”');
  await basis.scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screens/multi-cloud-risk-owner.png' });
});
