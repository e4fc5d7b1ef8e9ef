import { expect, test } from './fixtures';
import { createAssessment, expectAccessible, goTo, readStore, waitSaved } from './pages/workshop';

test.describe('Incident response setup', () => {
  test('the demo’s roles arrive from the bundle; gaps show; plan decisions are saved and survive a reload', async ({ app }) => {
    await app.getByTestId('create-demo').click();
    await expect(app.getByTestId('assessment-row')).toHaveCount(1);
    await goTo(app, 'incident-response');

    // roles come from the bundle's `IR role:` entries; Microsoft Incident Response is held by nobody
    const coverage = app.getByTestId('ir-role-coverage');
    await expect(coverage.getByTestId('ir-role')).toHaveCount(10);
    await expect(coverage.locator('[data-filled="no"]')).toHaveCount(1);
    await expect(coverage.locator('[data-filled="no"]')).toContainText('Microsoft Incident Response');
    await expect(coverage).toContainText('Incident lead: Priya Natarajan');
    await expect(app.getByTestId('ir-out-of-band')).toHaveValue(/Conference bridge/);
    await expect(app.getByTestId('ir-decision-rights-row')).toHaveCount(6);
    await expect(app.getByTestId('ir-contractual-clocks-row')).toHaveCount(2);
    await expectAccessible(app, 'incident response with plan decisions');
    await app.setViewportSize({ width: 1400, height: 2000 });
    await app.screenshot({ path: 'test-results/incident-response-demo.png' });
  });

  test('a new assessment: pick IR roles for a contact, record decisions and clocks, reload, and too-long text is refused', async ({ app }) => {
    await createAssessment(app, 'IR setup');
    await goTo(app, 'incident-response');
    const coverage = app.getByTestId('ir-role-coverage');
    await expect(coverage.locator('[data-filled="no"]')).toHaveCount(10);

    await app.getByTestId('add-contact').click();
    await app.getByLabel('Contact 1 name').fill('Jo Park');
    await app.getByLabel('Contact 1 phone').fill('+44 20 7946 0999');
    await app.getByTestId('contact-roles').click();
    await app.getByRole('menuitemcheckbox', { name: 'Incident lead', exact: true }).click();
    await app.getByRole('menuitemcheckbox', { name: 'Communications' }).click();
    await app.keyboard.press('Escape');
    await expect(coverage.locator('[data-filled="yes"]')).toHaveCount(2);
    await expect(coverage).toContainText('Incident lead: Jo Park');

    await app.getByTestId('ir-plan-approver').fill('Chief Information Security Officer');
    await app.getByTestId('ir-decision-rights-add').click();
    await app.getByLabel('decision right 1 decision').fill('Isolate the payments API');
    await app.getByLabel('decision right 1 holder').fill('Jo Park');
    await app.getByTestId('ir-contractual-clocks-add').click();
    await app.getByLabel('contractual clock 1 whom to notify').fill('Card acquirer');
    await app.getByLabel('contractual clock 1 deadline').fill('24 hours');
    await waitSaved(app);

    await app.reload();
    await goTo(app, 'incident-response');
    await expect(app.getByTestId('ir-plan-approver')).toHaveValue('Chief Information Security Officer');
    await expect(app.getByLabel('decision right 1 holder')).toHaveValue('Jo Park');
    await expect(app.getByLabel('contractual clock 1 deadline')).toHaveValue('24 hours');
    await expect(app.getByTestId('contact-roles')).toHaveText('Incident lead, Communications');
    const [contact] = await readStore(app, 'contacts');
    expect(contact).toMatchObject({ name: 'Jo Park', roles: ['incident-lead', 'communications'] });
    const [setup] = await readStore(app, 'incidentSetup');
    expect(setup).toMatchObject({ planApprover: 'Chief Information Security Officer', decisionRights: [{ decision: 'Isolate the payments API', holder: 'Jo Park', deputy: '' }] });

    // zod refuses what the bundle could not carry; the stored value stays as it was
    await app.getByTestId('ir-plan-approver').fill('x'.repeat(201));
    await expect(app.getByRole('alert')).toHaveText('Plan approver: Keep this under 200 characters.');
    const [after] = await readStore(app, 'incidentSetup');
    expect(after!.planApprover).toBe('Chief Information Security Officer');
    await app.setViewportSize({ width: 1400, height: 1600 });
    await app.screenshot({ path: 'test-results/incident-response-new.png' });
  });
});
