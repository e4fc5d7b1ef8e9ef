import { expect, test } from './fixtures';
import { expectAccessible, goTo } from './pages/workshop';

test('every screen passes axe (no serious or critical violation) with the demo assessment open', async ({ app }) => {
  test.setTimeout(240_000);
  await expectAccessible(app, 'assessments (empty)');
  await app.getByTestId('create-demo').click();
  await expect(app.getByTestId('assessment-row')).toHaveCount(1);
  await expectAccessible(app, 'assessments');

  await goTo(app, 'engagement');
  await app.getByTestId('add-attendee').click();
  await expectAccessible(app, 'engagement');

  await goTo(app, 'interview');
  await expect(app.getByTestId('question-card')).toBeVisible();
  await expectAccessible(app, 'interview');
  await app.keyboard.press('?');
  await expect(app.getByTestId('shortcut-list')).toBeVisible();
  await expectAccessible(app, 'shortcut help');
  await app.keyboard.press('Escape');

  await goTo(app, 'inventory');
  await app.getByTestId('resource-name').first().click();
  await expect(app.getByTestId('resource-findings')).toBeVisible();
  await expectAccessible(app, 'inventory');

  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await app.getByTestId('risk-title').first().click();
  await expect(app.getByTestId('risk-detail')).toBeVisible();
  await expectAccessible(app, 'risks');

  await goTo(app, 'responsibility');
  await expect(app.getByTestId('responsibility-matrix')).toBeVisible();
  await expectAccessible(app, 'responsibility');

  await goTo(app, 'heat-maps');
  await expect(app.getByTestId('heat-map-inherent')).toBeVisible();
  await expectAccessible(app, 'heat maps');

  await goTo(app, 'incident-response');
  await app.getByTestId('add-contact').click();
  await expect(app.getByTestId('contact-row')).toHaveCount(11);
  await expectAccessible(app, 'incident response');

  await goTo(app, 'report');
  await expectAccessible(app, 'report');
  await goTo(app, 'settings');
  await expectAccessible(app, 'settings');
});

test('a heat-map cell filters the register', async ({ app }) => {
  await app.getByTestId('create-demo').click();
  await goTo(app, 'heat-maps');
  await expect(app.getByTestId('heat-map-inherent')).toBeVisible();
  const cell = app.locator('[data-testid^="cell-inherent-"]:not([data-count="0"])').first();
  const count = Number(await cell.getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  await cell.click();
  await expect(app.getByTestId('risk-count')).toContainText(`${count} of`);
  await expect(app.getByTestId('clear-cell-filter')).toBeVisible();
});
