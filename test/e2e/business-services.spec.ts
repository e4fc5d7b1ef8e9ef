import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { expectAccessible, goTo, readStore } from './pages/workshop';

test('Business services: define one, see its composite against its own tolerance and the gap risk, reload, export', async ({ app, main }) => {
  // a long walk (two accessibility scans, a reload, an export) on a shared machine
  test.setTimeout(150_000);
  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await goTo(app, 'commitments');
  const editor = app.getByTestId('business-services-editor');
  await expect(editor.getByTestId('business-service-LIMS')).toBeVisible();

  // a new service, from the keyboard: a figure that is not a number is refused by its field
  await editor.getByTestId('add-business-service').click();
  const form = editor.getByTestId('service-form');
  await expect(form.getByTestId('service-name')).toBeFocused();
  // the bundle's schema checks every save, then the names already taken
  await app.keyboard.type('LIMS');
  await form.getByTestId('service-tolerated').fill('-5');
  await form.getByTestId('service-save').click();
  await expect(form).toContainText('Cannot be negative.');
  await expectAccessible(app, 'business service form with an error');
  await form.getByTestId('service-tolerated').fill('1');
  await form.getByTestId('service-save').click();
  await expect(form).toContainText('Another service is already called “LIMS”.');
  await form.getByTestId('service-name').fill('Order desk');
  await form.getByTestId('service-rto').fill('two hours');
  await form.getByTestId('service-save').click();
  await expect(form).toContainText('Enter a number of minutes.');
  await form.getByTestId('service-rto').fill('120');
  await expect(form).not.toContainText('Enter a number of minutes.');
  await form.getByTestId('service-tolerated').fill('1');
  await form.getByTestId('service-resource-picker').click();
  await app.keyboard.type('vm-win-manual');
  await app.getByRole('menuitemcheckbox', { name: /vm-win-manual/ }).click();
  // Escape closes the list, not the form
  await app.keyboard.press('Escape');
  await expect(app.getByRole('menuitemcheckbox', { name: /vm-win-manual/ })).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Remove vm-win-manual' })).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/business-service-form.png', fullPage: true });
  await form.getByTestId('service-save').click();
  await expect(form).toHaveCount(0);

  // its workload: a single VM on a Standard HDD (95 %) against one minute a month
  const row = app.getByTestId('workload-Order desk');
  await expect(row).toContainText('95 %');
  await expect(row).toContainText('2,160 min');
  await expect(row).toContainText('Tolerated downtime entered for the service: 1 min a month');
  await expect(row).toContainText('Gap');
  await expect(row).toContainText('Defined by the consultant');

  // saving re-derives the register: the customer-owned availability-gap risk has this workload as evidence
  await expect.poll(async () => ((await readStore(app, 'risks')).find((r) => r.templateId === 'RT-SLA-AVAILABILITY-GAP')?.evidenceNotes as string[] | undefined)?.join('\n') ?? '').toContain(
    'Workload "Order desk" (Defined by the consultant): composite SLA 95 %',
  );
  const gapRisk = (await readStore(app, 'risks')).find((r) => r.templateId === 'RT-SLA-AVAILABILITY-GAP')!;
  expect(gapRisk.effectiveOwner).toBe('customer');

  // it persists
  await app.reload();
  await goTo(app, 'commitments');
  await expect(app.getByTestId('business-service-Order desk')).toContainText('120 min');
  await expect(app.getByTestId('workload-Order desk')).toContainText(`Evidence of ${String(gapRisk.id)}`);
  await app.screenshot({ path: 'test-results/screens/business-services.png', fullPage: true });
  await app.getByTestId('commitment-workloads').screenshot({ path: 'test-results/screens/business-service-workloads.png' });
  await expectAccessible(app, 'business services');

  // and the exported bundle carries it
  await goTo(app, 'assessments');
  const name = (await app.getByTestId('assessment-name').textContent()) ?? '';
  await app.getByRole('button', { name: `Export ${name}` }).click();
  await expect(app.getByTestId('assessments-notice')).toContainText('Exported');
  const bundle = JSON.parse(readFileSync(path.join(main.saveFolder, main.dialogCalls.at(-1)!.defaultPath), 'utf8'));
  const desk = bundle.businessServices.find((s: { name: string }) => s.name === 'Order desk');
  expect(desk).toMatchObject({ rtoMinutes: 120, toleratedDowntimeMinutesPerMonth: 1, basis: 'consultant', resourceGroups: [] });
  expect(desk.resourceIds).toEqual([expect.stringMatching(/\/virtualMachines\/vm-win-manual$/i)]);
});

test('Business services: accept a suggestion, then delete the service', async ({ app }) => {
  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.getByTestId('create-demo').click();
  await goTo(app, 'commitments');
  const editor = app.getByTestId('business-services-editor');
  await editor.getByRole('button', { name: /Accept suggestion rg-web/ }).click();
  const stored = editor.getByTestId('business-service-rg-web');
  await expect(stored).toContainText('1 resource group');
  await expect(stored).not.toContainText('(s)');
  await expect(app.getByTestId('workload-rg-web')).toContainText('Suggested from the resource group rg-web, kept by the consultant');
  await expect(editor.getByRole('button', { name: /Accept suggestion rg-web/ })).toHaveCount(0);
  await editor.getByRole('button', { name: 'Delete rg-web' }).click();
  await expect(stored).toHaveCount(0);
  await expect(app.getByTestId('workload-rg-web')).toHaveCount(0);
});
