/**
 * The register and the inventory are readable in a 1600x1000 window: whole risk titles, a
 * table that keeps most of the width beside the detail, columns resizable from the keyboard,
 * and role assignments named by role, principal type and scope. A screenshot of each state goes
 * to the test's output folder (test-results/…) for a person to look at.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, expectAccessible, goTo, readStore } from './pages/workshop';

const WIDE = { width: 1600, height: 1000 };

async function openDemoRegister(app: Page): Promise<void> {
  await app.setViewportSize(WIDE);
  await app.getByTestId('create-demo').click();
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
}

/** Scrolls the virtual register (half a screen per frame) until the row of this risk exists, and returns it. */
async function scrollToRisk(app: Page, riskId: string): Promise<Locator> {
  await app.getByTestId('risk-table').evaluate(async (el, id) => {
    el.scrollTo({ top: 0 });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let i = 0; i < 200 && !el.querySelector(`[data-risk-id="${id}"]`); i++) {
      el.scrollBy({ top: el.clientHeight / 2 });
      await frame();
    }
  }, riskId);
  const row = app.locator(`[data-testid="risk-row"][data-risk-id="${riskId}"]`);
  await row.scrollIntoViewIfNeeded();
  return row;
}

/** Nothing of the element's text is cut, across or down. */
async function expectWhole(locator: Locator): Promise<void> {
  const box = await locator.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
  expect(box.sw, 'text cut off on the right').toBeLessThanOrEqual(box.cw);
  expect(box.sh, 'text cut off at the bottom').toBeLessThanOrEqual(box.ch);
}

async function width(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.width ?? 0;
}

async function longestRisk(app: Page): Promise<{ id: string; title: string }> {
  const rows = (await readStore(app, 'riskRows')) as { id: string; title: string; status: string }[];
  return rows.filter((r) => r.status === 'open').reduce((a, b) => (b.title.length > a.title.length ? b : a));
}

test('at 1600x1000 the longest risk title is shown whole, beside the detail too, and the table keeps most of the width', async ({ app }) => {
  await openDemoRegister(app);
  const longest = await longestRisk(app);
  expect(longest.title.length).toBeGreaterThan(90);

  const row = await scrollToRisk(app, longest.id);
  const title = row.getByTestId('risk-title');
  await expect(title).toHaveText(longest.title);
  await expect(title).toHaveAttribute('title', longest.title);
  await expectWhole(title);
  await expectWhole(title.locator('xpath=..'));
  const cutDomains = await app.getByTestId('risk-domain').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight).map((el) => el.textContent));
  expect(cutDomains, 'domains cut off').toEqual([]);
  // the header stays in view when the register is scrolled
  expect(await app.getByTestId('risk-table').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const headerTop = ((await app.getByTestId('column-title').boundingBox())?.y ?? 0) - ((await app.getByTestId('risk-table').boundingBox())?.y ?? 0);
  expect(headerTop).toBeGreaterThanOrEqual(0);
  expect(headerTop).toBeLessThan(12);
  // the detail is closed: the table has the whole width
  expect(await width(app.getByTestId('risk-table'))).toBeGreaterThan(0.95 * (await width(app.getByTestId('split-view'))));
  await app.screenshot({ path: test.info().outputPath('register-1600.png') });

  await title.click();
  await expect(app.getByTestId('risk-detail')).toHaveAttribute('data-risk-id', longest.id);
  await expect(app.getByTestId('split-view')).toHaveAttribute('data-layout', 'side-by-side');
  await expect(app.getByTestId('detail-title')).toHaveText(`${longest.id} ${longest.title}`);
  await expectWhole(app.getByTestId('detail-title'));
  const share = (await width(app.getByTestId('risk-table'))) / (await width(app.getByTestId('split-view')));
  expect(share).toBeGreaterThanOrEqual(0.55);
  // titles wrap in the narrower table instead of being cut, and every column still fits
  await expectWhole(title);
  expect((await row.boundingBox())?.height ?? 0).toBeGreaterThan(40);
  const table = await app.getByTestId('risk-table').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
  expect(table.sw, 'the register scrolls sideways beside the detail').toBeLessThanOrEqual(table.cw);
  await app.screenshot({ path: test.info().outputPath('register-1600-detail.png') });
  // (axe runs on this screen in accessibility.spec.ts)
});

test('columns and the split resize from the keyboard, and the widths are kept', async ({ app }) => {
  await openDemoRegister(app);
  const domainHeader = app.getByTestId('column-category');
  const before = await width(domainHeader);
  const handle = app.getByTestId('resize-category');
  await handle.focus();
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowRight');
  await expect.poll(() => width(domainHeader)).toBeCloseTo(before + 48, 0);
  await app.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => width(domainHeader)).toBeCloseTo(before - 16, 0);
  await expect(handle).toHaveAttribute('aria-valuenow', String(before - 16));
  // every cell of the column follows its header
  expect(await width(app.getByTestId('risk-domain').first())).toBeCloseTo(before - 16, 0);

  // the Risk column fills the room left; a key press pins it at its current width, less a step
  const titleHeader = app.getByTestId('column-title');
  const titleBefore = await width(titleHeader);
  await app.getByTestId('resize-title').focus();
  await app.keyboard.press('ArrowLeft');
  await expect.poll(() => width(titleHeader)).toBeCloseTo(titleBefore - 16, 0);

  // the detail's share: never more than 45% (the table keeps 55%)
  await app.getByTestId('risk-title').first().click();
  await expect(app.getByTestId('split-view')).toHaveAttribute('data-layout', 'side-by-side');
  const split = app.getByTestId('split-handle');
  await expect(split).toHaveAttribute('aria-valuenow', '62');
  await split.focus();
  for (let i = 0; i < 12; i++) await app.keyboard.press('ArrowLeft');
  await expect(split).toHaveAttribute('aria-valuenow', '55');
  // (layout rounds to fractions of a pixel)
  expect(await width(app.getByTestId('split-main'))).toBeGreaterThanOrEqual(0.55 * (await width(app.getByTestId('split-view'))) - 1);
  await app.keyboard.press('End');
  await expect(split).toHaveAttribute('aria-valuenow', '75');

  // kept in the UI store across a restart of the page
  await app.reload();
  await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
  await goTo(app, 'risks');
  await expect.poll(() => width(app.getByTestId('column-category'))).toBeCloseTo(before - 16, 0);
  await app.getByTestId('risk-title').first().click();
  await expect(app.getByTestId('split-handle')).toHaveAttribute('aria-valuenow', '75');
  await app.getByTestId('reset-widths-risks').click();
  await expect.poll(() => width(app.getByTestId('column-category'))).toBeCloseTo(before, 0);
});

test('in a narrow window the detail opens over the table instead of squeezing it', async ({ app }) => {
  await app.setViewportSize({ width: 1100, height: 900 });
  await app.getByTestId('create-demo').click();
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  const full = await width(app.getByTestId('risk-table'));
  await app.getByTestId('risk-title').first().click();
  await expect(app.getByTestId('split-view')).toHaveAttribute('data-layout', 'drawer');
  await expect(app.getByRole('dialog').getByTestId('risk-detail')).toBeVisible();
  expect(await width(app.getByTestId('risk-table'))).toBeCloseTo(full, 0);
  await app.screenshot({ path: test.info().outputPath('register-1100-drawer.png') });
  await expectAccessible(app, 'register with the detail drawer');
  await app.getByTestId('close-detail').click();
  await expect(app.getByTestId('risk-detail')).toHaveCount(0);
  await expect(app.getByTestId('split-view')).toHaveAttribute('data-layout', 'table');
});

// Resource Graph `authorizationresources` / `resourcecontainers` rows, shaped as in
// test/fixtures/estates/mixed-estate.json; GUIDs of built-in roles are Microsoft's.
const SUB = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const CUSTOM_ROLE = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const UNKNOWN_ROLE = 'c0ffee00-1234-4abc-8def-0123456789ab';
function assignment(n: number, role: string, principalType: string, scope: string) {
  const name = `b0f43c54-e787-4862-89b1-a653fa9c00${n}`;
  return {
    id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'microsoft.authorization/roleassignments',
    tenantId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
    subscriptionId: SUB,
    resourceGroup: '',
    location: '',
    properties: { roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${role}`, principalId: `ce2ce14e-85d7-4629-bdbc-0000000000${n}`, principalType, scope },
  };
}
const ESTATE = [
  { id: `/subscriptions/${SUB}`, name: 'Fabrikam Production', type: 'microsoft.resources/subscriptions', subscriptionId: SUB, properties: {} },
  {
    id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${CUSTOM_ROLE}`,
    name: CUSTOM_ROLE,
    type: 'microsoft.authorization/roledefinitions',
    subscriptionId: SUB,
    properties: { roleName: 'VM Operator', type: 'CustomRole', permissions: [{ actions: ['Microsoft.Compute/virtualMachines/start/action'] }] },
  },
  // more than a storage chunk (500 rows) of other resources: the custom role's definition is
  // stored in another chunk than the assignments naming it
  ...Array.from({ length: 520 }, (_v, i) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-${i}`, name: `vnet-${i}`, type: 'microsoft.network/virtualnetworks', subscriptionId: SUB, resourceGroup: 'rg-net', location: 'westeurope', properties: {} })),
  assignment(11, '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Group', `/subscriptions/${SUB}`),
  assignment(12, CUSTOM_ROLE, 'ServicePrincipal', `/subscriptions/${SUB}/resourceGroups/rg-app`),
  assignment(13, UNKNOWN_ROLE, 'User', `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01`),
  assignment(14, '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User', '/providers/Microsoft.Management/managementGroups/corp'),
];

test('role assignments in the inventory show role, principal type and scope instead of a GUID', async ({ app }) => {
  await app.setViewportSize(WIDE);
  await createAssessment(app, 'Role assignments');
  await goTo(app, 'inventory');
  await app.getByTestId('import-inventory-input').setInputFiles({ name: 'roles.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ESTATE)) });
  await expect(app.getByTestId('inventory-imported')).toBeVisible();
  await app.getByTestId('filter-type').selectOption('microsoft.authorization/roleassignments');
  const cells = app.getByTestId('role-assignment');
  await expect(cells).toHaveCount(4);

  const expected = [
    { n: 11, role: 'Owner', principal: 'Group', scope: 'Subscription Fabrikam Production' },
    { n: 12, role: 'VM Operator', principal: 'Service principal', scope: 'Resource group rg-app in Fabrikam Production' },
    { n: 13, role: `Unknown role (${UNKNOWN_ROLE})`, principal: 'User', scope: 'Resource stdata01 (Microsoft.Storage/storageAccounts) in rg-data' },
    { n: 14, role: 'User Access Administrator', principal: 'User', scope: 'Management group corp' },
  ];
  for (const e of expected) {
    const row = app.getByTestId('resource-row').filter({ has: app.locator(`[title$="a653fa9c00${e.n}"]`) });
    await expect(row.getByTestId('resource-name')).toHaveText(e.role);
    await expect(row.getByTestId('role-assignment-detail')).toHaveText(`${e.principal} · ${e.scope}`);
    await expect(row.getByTestId('role-assignment')).toHaveAttribute('data-principal-type', e.principal);
    await expectWhole(row.getByTestId('resource-name'));
    await expectWhole(row.getByTestId('role-assignment-detail'));
  }
  // beside the findings every column still fits
  await app.getByTestId('resource-name').first().click();
  await expect(app.getByTestId('split-view')).toHaveAttribute('data-layout', 'side-by-side');
  const table = await app.getByTestId('resource-table').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
  expect(table.sw, 'the inventory scrolls sideways beside the findings').toBeLessThanOrEqual(table.cw);
  expect(await app.getByTestId('resource-table').textContent()).not.toContain('b0f43c54-e787-4862-89b1-a653fa9c0011');

  await app.getByTestId('resource-row').filter({ hasText: 'VM Operator' }).getByTestId('resource-name').click();
  const summary = app.getByTestId('role-assignment-summary');
  await expect(summary).toContainText('VM Operator');
  await expect(summary).toContainText('Service principal');
  await expect(summary).toContainText(`/subscriptions/${SUB}/resourceGroups/rg-app`);
  await app.screenshot({ path: test.info().outputPath('inventory-role-assignments-1600.png') });
  await expectAccessible(app, 'inventory with role assignments');
});

test('the demo inventory names its role assignments (built-in roles by their documented ids)', async ({ app }) => {
  await app.setViewportSize(WIDE);
  await app.getByTestId('create-demo').click();
  await goTo(app, 'inventory');
  await app.getByTestId('filter-type').selectOption('microsoft.authorization/roleassignments');
  await expect(app.getByTestId('resource-count')).toHaveText('25 resources');
  // role assignments are read once the rows in view settle
  await expect(app.getByTestId('role-assignment')).not.toHaveCount(0);
  await expect(app.getByTestId('resource-row').filter({ hasNot: app.getByTestId('role-assignment') })).toHaveCount(0);
  const roles = new Set(await app.getByTestId('role-assignment').evaluateAll((els) => els.map((e) => e.getAttribute('data-role'))));
  expect(roles.has('Owner')).toBe(true);
  for (const role of roles) expect(['Contributor', 'Owner', 'Reader', 'User Access Administrator']).toContain(role);
  await app.getByTestId('filter-type').selectOption('');
  await app.getByTestId('resource-table').scrollIntoViewIfNeeded();
  await app.screenshot({ path: test.info().outputPath('inventory-1600.png') });
});
