import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { answerScope, createAssessment, currentQuestion, goTo, readStore, waitSaved } from './pages/workshop';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'assessments', 'azure-m365', 'checks', 'fixtures');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Storage accounts that fail ST-01, one of them named with markup (Azure names are untrusted). */
function inventoryFile(): Buffer {
  const rows = JSON.parse(readFileSync(path.join(FIXTURES, 'ST-01.fail.json'), 'utf8')) as Record<string, unknown>[];
  const hostile = { ...rows[0]!, id: `${String(rows[0]!.id)}-x`, name: HOSTILE, tags: { owner: '<script>alert(2)</script>' } };
  return Buffer.from(JSON.stringify([...rows, hostile]));
}

test('the whole workshop: scope, keyboard answers, inventory, findings, register, owner override, reload', async ({ app }) => {
  let dialogs = 0;
  app.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await createAssessment(app, 'Fabrikam workshop', 'Fabrikam Inc');

  // scope + 10 questions by keyboard only
  await answerScope(app, ['1', '2', '3']);
  for (let i = 0; i < 11; i++) {
    const id = await currentQuestion(app);
    await app.keyboard.press(i % 3 === 0 ? '1' : '3');
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('question-card')).not.toHaveAttribute('data-question-id', id);
  }
  await waitSaved(app);

  // inventory file -> snapshot -> findings with evidence; hostile name shown as text
  await goTo(app, 'inventory');
  await app.getByTestId('import-inventory-input').setInputFiles({ name: 'storage.json', mimeType: 'application/json', buffer: inventoryFile() });
  await expect(app.getByTestId('inventory-imported')).toBeVisible();
  await expect(app.getByTestId('snapshot-row')).toHaveCount(1);
  await app.getByTestId('filter-check').selectOption('ST-01');
  await expect(app.getByTestId('resource-count')).toContainText('resources');
  await app.getByTestId('resource-name').filter({ hasText: HOSTILE }).click();
  await expect(app.getByTestId('resource-findings')).toContainText(HOSTILE);
  await expect(app.getByTestId('finding').filter({ hasText: 'ST-01' })).toHaveAttribute('data-status', 'fail');
  await expect(app.getByTestId('evidence-value').first()).toBeVisible();
  expect(await app.locator('img[src="x"]').count()).toBe(0);

  // the register, with owners from the matrix
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  const rows = app.getByTestId('risk-row');
  await expect(rows.first()).toBeVisible();
  const owners = await app.getByTestId('risk-owner').allTextContents();
  expect(owners.length).toBeGreaterThan(0);
  for (const o of owners) expect(['Customer', 'Microsoft', 'Shared', 'Not determined']).toContain(o.replace(' *', ''));

  // override an owner: refused without a justification, kept with one, in the history
  const first = rows.first();
  const riskId = (await first.getAttribute('data-risk-id')) ?? '';
  await first.getByTestId('risk-title').click();
  await expect(app.getByTestId('risk-detail')).toHaveAttribute('data-risk-id', riskId);
  await app.getByTestId('override-select').selectOption('microsoft');
  await app.getByTestId('override-apply').click();
  await expect(app.getByText('Say why the owner differs')).toBeVisible();
  await app.getByTestId('override-justification').fill('Managed by the client’s MSP under contract; Microsoft hosts the service.');
  await app.getByTestId('override-apply').click();
  await expect(app.getByTestId('override-owner')).toHaveText('Microsoft');
  await app.getByTestId('edit-treatment').selectOption('transfer');
  await app.getByTestId('edit-notes').fill('Discussed with the CISO; revisit in Q2.');
  await waitSaved(app);
  await expect(app.getByTestId('history-entry').filter({ hasText: 'Justification' })).toHaveCount(1);

  await app.reload();
  await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
  await goTo(app, 'interview');
  await expect(app.getByTestId('interview-progress')).toContainText('12 of');
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await app.locator(`[data-risk-id="${riskId}"]`).getByTestId('risk-title').click();
  await expect(app.getByTestId('override-owner')).toHaveText('Microsoft');
  await expect(app.getByTestId('edit-treatment')).toHaveValue('transfer');
  await expect(app.getByTestId('edit-notes')).toHaveValue('Discussed with the CISO; revisit in Q2.');
  const stored = await readStore(app, 'risks');
  const risk = stored.find((r) => r.id === riskId)!;
  expect(risk.effectiveOwner).toBe('microsoft');
  expect((risk.history as { action: string }[]).map((h) => h.action)).toEqual(expect.arrayContaining(['owner-override', 'treatment', 'notes']));
  expect(dialogs).toBe(0);
});

test('export, delete, import: the assessment comes back identical', async ({ app, main }) => {
  await goTo(app, 'assessments');
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  const name = (await app.getByTestId('assessment-name').textContent()) ?? '';
  await app.getByRole('button', { name: `Export ${name}` }).click();
  await expect(app.getByTestId('assessments-notice')).toContainText('Exported');
  const saved = main.dialogCalls.at(-1)!;
  const exported = readFileSync(path.join(main.saveFolder, saved.defaultPath), 'utf8');

  await app.getByRole('button', { name: `Delete ${name}` }).click();
  await app.getByTestId('delete-confirm').click();
  await expect(app.getByTestId('no-assessments')).toBeVisible();
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'back.demarc.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(app.getByTestId('import-success')).toBeVisible();
  await app.getByRole('button', { name: `Export ${name}` }).click();
  await expect.poll(() => main.dialogCalls.length).toBe(2);
  const again = readFileSync(path.join(main.saveFolder, main.dialogCalls.at(-1)!.defaultPath), 'utf8');
  const strip = (text: string) => ({ ...JSON.parse(text), exportedAt: null });
  expect(strip(again)).toEqual(strip(exported));
  // the whole file is compared above; make sure it carries the engagement, answer marks and IR setup
  const bundle = JSON.parse(again);
  expect(bundle.assessment.engagement).toMatchObject({ engagementId: 'ENG-2026-0147', startDate: '2026-11-23', endDate: '2026-11-24', classification: 'Strictly confidential' });
  // five in the interviews, five workstream leads at the read-out
  expect(bundle.assessment.engagement.attendees).toHaveLength(10);
  // the pre-flight acceptances and the action owners travel too
  expect(bundle.deliverable.preflightAccepted.length).toBeGreaterThan(2);
  expect(bundle.risks.every((r: { actionOwner: string | null }) => r.actionOwner)).toBe(true);
  expect(bundle.answers['PAS-04']).toMatchObject({ choices: [], notApplicable: true, answeredBy: 'Aisha Rahman' });
  expect(Object.values(bundle.answers).filter((a) => (a as { answeredBy?: string }).answeredBy).length).toBeGreaterThan(100);
  expect(bundle.incidentResponse.supportPlan).toBe('Unified Support (Enterprise)');
  expect(bundle.incidentResponse.escalationNotes).toContain('Enhanced Designated Engineering');
});

test('undo brings a deleted assessment back', async ({ app }) => {
  await createAssessment(app, 'Undo me');
  await app.getByRole('button', { name: 'Delete Undo me' }).click();
  await app.getByTestId('delete-confirm').click();
  await expect(app.getByTestId('no-assessments')).toBeVisible();
  await app.getByTestId('undo-delete').click();
  await expect(app.getByTestId('assessment-name')).toHaveText(['Undo me']);
});

test('a malformed bundle lists its problems with their paths and writes nothing', async ({ app }) => {
  await createAssessment(app, 'Existing work');
  const before = await readStore(app, 'assessments');
  const demo = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'assessments', 'demo', 'contoso-demo.demarc.json'), 'utf8'));
  demo.assessment.status = 'sideways';
  demo.risks[0].likelihood = 9;
  demo.answers['NOPE-01'] = { choices: ['x'] };
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'bad.demarc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(demo)) });
  const errors = app.getByTestId('import-error');
  await expect(app.getByTestId('import-errors')).toBeVisible();
  await expect(errors.filter({ hasText: 'assessment.status' })).toHaveCount(1);
  await expect(errors.filter({ hasText: 'risks[0].likelihood' })).toHaveCount(1);

  const hostile = '{"format":"demarc-assessment","schemaVersion":1,"__proto__":{"polluted":true}}';
  await app.getByTestId('import-bundle-input').setInputFiles({ name: 'proto.demarc.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
  await expect(errors.filter({ hasText: '__proto__' })).toHaveCount(1);

  expect(await readStore(app, 'assessments')).toEqual(before);
  expect(await readStore(app, 'risks')).toEqual([]);
  expect(await readStore(app, 'resourceIndex')).toEqual([]);
});
