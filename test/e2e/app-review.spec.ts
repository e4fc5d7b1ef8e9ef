/**
 * What a consultant sees on the demo, screen by screen, as a client would read it over their
 * shoulder: nothing cut off, things named by name (not by key), words that agree from screen to
 * screen, and header controls that can be read on the brand bar. Each test takes a screenshot to
 * the test's output folder (test-results/…) for a person to look at.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { NARROW, WIDE, createAssessment, goTo, openDemo, waitSaved } from './pages/workshop';

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    let back: Element | null = el;
    while (back) {
      const c = rgb(getComputedStyle(back).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3]! > 0.9)) break;
      back = back.parentElement;
    }
    const fg = luminance(rgb(getComputedStyle(el).color));
    const bg = luminance(back ? rgb(getComputedStyle(back).backgroundColor) : [255, 255, 255]);
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

test('heat maps at 1280x800: every cell shows its count and level whole, and the two maps stand side by side', async ({ app }, info) => {
  await openDemo(app, NARROW);
  await goTo(app, 'heat-maps');
  const cells = app.locator('[data-testid^="cell-"]');
  await expect(cells).toHaveCount(50);
  const cut = await cells.evaluateAll((els) =>
    els
      .filter((el) => {
        const box = el.getBoundingClientRect();
        const spans = [...el.querySelectorAll('span:not(.visually-hidden)')].map((s) => s.getBoundingClientRect());
        return el.scrollHeight > el.clientHeight || spans.some((s) => s.left < box.left || s.right > box.right || s.top < box.top || s.bottom > box.bottom);
      })
      .map((el) => `${el.getAttribute('data-testid')}: ${el.textContent}`),
  );
  expect(cut, 'heat-map cells whose text is cut or spills').toEqual([]);
  // the level text is on one line (it wrapped "Very high" and its marks onto a third)
  const levelLines = await app
    .getByTestId('cell-inherent-5-5')
    .locator('span:not(.visually-hidden)')
    .last()
    .evaluate((s) => s.getClientRects().length);
  expect(levelLines).toBe(1);
  const inherent = await app.getByTestId('heat-map-inherent').boundingBox();
  const residual = await app.getByTestId('heat-map-residual').boundingBox();
  expect(residual!.y).toBe(inherent!.y);
  await app.screenshot({ path: info.outputPath('heat-maps-1280.png') });
});

test('the register names risk categories as the report does, in the column, the filter and the add dialog', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByRole('columnheader', { name: /^Category/ })).toBeVisible();
  const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const cells = await app.getByTestId('risk-domain').allTextContents();
  expect(cells.length).toBeGreaterThan(10);
  expect(cells.filter((c) => kebab.test(c.trim())), 'categories shown as keys').toEqual([]);
  // owners, treatments and statuses too, as the report and the risk's detail write them
  const words = (testId: string) => app.locator(`[data-testid="risk-row"] [data-testid="${testId}"]`).allTextContents();
  expect((await words('risk-owner')).filter((o) => !['Customer', 'Microsoft', 'Shared', 'Not determined'].includes(o.replace(' *', '')))).toEqual([]);
  await expect(app.getByTestId('risk-filter-treatment').locator('option')).toHaveText(['All', 'Mitigate', 'Accept', 'Transfer', 'Avoid', 'Not decided']);
  await expect(app.getByTestId('risk-filter-status').locator('option')).toHaveText(['All', 'Open', 'Closed']);
  await expect(app.getByTestId('risk-filter-owner').locator('option')).toHaveText(['All', 'Microsoft', 'Customer', 'Shared', 'Not determined']);
  const filter = app.getByTestId('risk-filter-category');
  await expect(filter.locator('option', { hasText: 'Backup and recovery' })).toHaveCount(1);
  await filter.selectOption({ label: 'Backup and recovery' });
  await expect(app.getByTestId('risk-domain').first()).toHaveText('Backup and recovery');
  await app.screenshot({ path: info.outputPath('register-categories.png') });
  await app.getByTestId('add-risk').click();
  await expect(app.getByTestId('add-risk-category').locator('option', { hasText: 'Privileged access' })).toHaveCount(1);
  // one service model at least is required, not each of them: no asterisk on every box
  for (const m of ['iaas', 'paas', 'saas']) {
    const box = app.getByTestId(`add-risk-model-${m}`);
    expect(await box.evaluate((el) => (el as HTMLInputElement).required)).toBe(false);
    expect(await box.evaluate((el) => el.closest('.fui-Checkbox')?.textContent ?? '')).not.toContain('*');
  }
  await expect(app.getByTestId('add-risk-effort').locator('option')).toHaveText(['Low', 'Medium', 'High']);
  await app.screenshot({ path: info.outputPath('add-risk.png') });
});

test('pre-flight items are headed by what they are about, and an open item is never folded behind accepted ones', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'report');
  await expect(app.getByTestId('preflight-summary')).toContainText('0 open item(s)');
  const headings = await app.getByTestId('preflight-heading').allTextContents();
  expect(headings.length).toBeGreaterThan(0);
  expect(headings.filter((h) => /^[a-z-]+:/.test(h)), 'headings that are item ids').toEqual([]);
  await expect(app.getByTestId('preflight-heading').first()).toHaveText('Contradiction: Microsoft support plan');

  // the demo's last item (past the fold), withdrawn: it is open again and listed first, unfolded
  await app.getByTestId('preflight-show-all').click();
  const last = app.getByTestId('preflight-item').last();
  const lastId = (await last.getAttribute('data-item-id')) ?? '';
  expect(lastId).toMatch(/^dont-know:R-\d+$/);
  await last.getByRole('button', { name: /^Withdraw the acceptance of “Rests on “Don’t know”: R-\d+”$/ }).click();
  await expect(app.getByTestId('preflight-summary')).toContainText('1 open item(s)');
  await goTo(app, 'risks');
  await goTo(app, 'report'); // the fold again
  await expect(app.getByTestId('preflight-show-all')).toBeVisible();
  const reopened = app.locator(`[data-testid="preflight-item"][data-item-id="${lastId}"]`);
  await expect(reopened).toBeVisible();
  await expect(app.getByTestId('preflight-item').first()).toHaveAttribute('data-item-id', lastId);
  await expect(reopened.getByTestId('preflight-accept')).toHaveAccessibleName(/^Accept “Rests on “Don’t know”: R-\d+”…$/);
  await app.screenshot({ path: info.outputPath('preflight.png') });
});

test('the header: the shortcut button and a save error can be read on the brand bar', async ({ app }, info) => {
  await openDemo(app, WIDE);
  const help = app.getByTestId('shortcut-help-button');
  expect(await contrastOf(help)).toBeGreaterThanOrEqual(4.5);
  await help.hover();
  expect(await contrastOf(help)).toBeGreaterThanOrEqual(4.5);
  // an assessment name cannot be empty: the write is refused and the header says so
  await goTo(app, 'engagement');
  await app.getByTestId('engagement-name').fill('');
  const state = app.getByTestId('save-state');
  await expect(state).toHaveAttribute('data-state', 'error');
  // in words, not the validator's JSON
  await expect(state).toHaveText('Not saved: Give the assessment a name.');
  expect(await contrastOf(state)).toBeGreaterThanOrEqual(4.5);
  await app.screenshot({ path: info.outputPath('header-save-error.png'), clip: { x: 0, y: 0, width: WIDE.width, height: 60 } });
});

test('the navigation labels start at one edge', async ({ app }) => {
  await openDemo(app, WIDE);
  const starts = await app.locator('[data-testid^="nav-"] .fui-Tab__content:not(.fui-Tab__content--reserved-space)').evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return Math.round(range.getBoundingClientRect().left);
    }),
  );
  expect(starts).toHaveLength(11);
  expect(new Set(starts).size, `label starts ${starts.join(', ')}`).toBe(1);
});

test('Engagement: attendee roles are read whole, rows are removed by name, and the matrices are named by their source', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'engagement');
  const roles = app.getByTestId('attendee-role');
  await expect(roles.first()).toBeVisible();
  const cut = await roles.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => (el as HTMLInputElement).value));
  expect(cut, 'roles cut off').toEqual([]);
  const firstName = await app.getByTestId('attendee-name').first().inputValue();
  await expect(app.getByRole('button', { name: `Remove attendee ${firstName}` })).toBeVisible();
  const matrix = app.getByTestId('engagement-matrix');
  await expect(matrix).toContainText('Microsoft Learn');
  await expect(matrix).not.toContainText('2026-01-12-diagram');
  await app.screenshot({ path: info.outputPath('engagement.png'), fullPage: true });
});

test('Provider commitments speak of business services, and name the gap risk by its title', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'commitments');
  const screen = app.getByTestId('commitments-screen');
  await expect(screen.getByRole('heading', { name: 'Composite SLA against tolerance' })).toBeVisible();
  await expect(app.getByTestId('commitment-workloads').getByRole('columnheader').first()).toHaveText('Business service');
  await expect(screen.getByRole('heading', { name: 'Workloads' })).toHaveCount(0);
  await expect(screen).not.toContainText('RT-SLA-AVAILABILITY-GAP');
  await expect(app.getByTestId('commitment-workload-source')).toContainText('“');
  await app.screenshot({ path: info.outputPath('commitments.png') });
});

test('Responsibility: the provider-owned risks are themed links, readable in the dark theme, that open the risk', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'settings');
  await app.getByRole('radio', { name: 'Dark' }).check();
  await goTo(app, 'responsibility');
  const links = app.getByTestId('provider-risks').getByRole('link');
  await expect(links.first()).toBeVisible();
  for (const link of await links.all()) expect(await contrastOf(link), await link.innerText()).toBeGreaterThanOrEqual(4.5);
  await app.screenshot({ path: info.outputPath('responsibility-dark.png') });
  const first = links.first();
  const id = ((await first.innerText()).match(/^R-\d+/) ?? [''])[0];
  await first.click();
  await expect(app.getByTestId('risk-detail')).toHaveAttribute('data-risk-id', id);
});

test('Inventory: subscriptions are named and service models written as the report writes them', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'inventory');
  const subscriptions = app.getByTestId('resource-subscription');
  await expect(subscriptions.first()).toBeVisible();
  const shown = await subscriptions.allTextContents();
  // a subscription the inventory names is shown by that name, its id in the tooltip; one it
  // does not name (no row of its own in the export) stays an id: unknown is not guessed
  const named = subscriptions.filter({ hasText: 'Contoso Pharma Production' }).first();
  await expect(named).toBeVisible();
  const id = (await named.getAttribute('title')) ?? '';
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(shown.filter((s) => s.trim() === id), 'a named subscription shown as its id').toEqual([]);
  expect(await app.getByTestId('filter-subscription').locator('option', { hasText: 'Contoso Pharma Production' }).count()).toBe(1);
  const models = await app.getByTestId('resource-model').allTextContents();
  expect(models.length).toBeGreaterThan(0);
  expect(models.filter((m) => !['IaaS', 'PaaS', 'SaaS', 'On-premises', 'Unclassified'].includes(m)), 'models shown as keys').toEqual([]);
  await app.screenshot({ path: info.outputPath('inventory.png') });
});

test("Assessments at 1280x800: a row's actions stand on one line, each named", async ({ app }, info) => {
  await openDemo(app, NARROW);
  const row = app.getByTestId('assessment-row').first();
  const buttons = row.getByRole('button');
  await expect(buttons).toHaveCount(5);
  const tops = await buttons.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size, `button tops ${tops.join(', ')}`).toBe(1);
  const name = (await row.getByTestId('assessment-name').textContent()) ?? '';
  for (const verb of ['Open', 'Duplicate', 'Export', 'Rename', 'Delete']) await expect(row.getByRole('button', { name: `${verb} ${name}` })).toBeVisible();
  for (const button of await buttons.all()) expect((await button.getAttribute('title')) ?? (await button.textContent())).not.toBe('');
  await app.screenshot({ path: info.outputPath('assessments-1280.png') });
});

test('a new assessment: the register and the heat maps say why they are empty and what fills them', async ({ app }, info) => {
  await app.setViewportSize(WIDE);
  await createAssessment(app, 'Fresh review', 'Fabrikam Inc');
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('risks-empty')).toContainText('No risks yet');
  await app.screenshot({ path: info.outputPath('register-empty.png') });
  await goTo(app, 'heat-maps');
  await expect(app.getByTestId('heat-maps-empty')).toContainText('No open risks yet');

  // filters that match nothing say so, and how many the register holds (the demo closes none)
  await goTo(app, 'assessments');
  await app.getByTestId('create-demo').click();
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('risks-empty')).toHaveCount(0);
  await app.getByTestId('risk-filter-status').selectOption('closed');
  await expect(app.getByTestId('risks-empty')).toContainText('No risk matches these filters');
});

test('pre-flight: "Interview" opens the question a "Don\'t know" risk rests on', async ({ app }) => {
  await openDemo(app, WIDE);
  await goTo(app, 'report');
  const item = app.locator('[data-testid="preflight-item"][data-item-id^="dont-know:"]').first();
  await expect(item).toBeVisible();
  const question = /Where to fix: Interview > ([A-Z0-9]+-[A-Z0-9-]+)/.exec((await item.textContent()) ?? '')?.[1] ?? '';
  expect(question).not.toBe('');
  await item.getByRole('button', { name: /^Go to Interview to fix/ }).click();
  await expect(app.getByTestId('area-interview')).toBeVisible();
  await expect(app.getByTestId('question-card')).toHaveAttribute('data-question-id', question);
});

test('pre-flight: "Risks" opens the risk that has no action owner', async ({ app }) => {
  await openDemo(app, WIDE);
  await goTo(app, 'risks');
  await expect(app.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true');
  const row = app.getByTestId('risk-row').nth(2);
  const riskId = (await row.getAttribute('data-risk-id')) ?? '';
  await row.getByTestId('risk-title').click();
  await app.getByTestId('edit-action-owner').fill('');
  await waitSaved(app);
  await app.getByTestId('risk-title').first().click(); // another risk is open when the consultant leaves
  await goTo(app, 'report');
  const item = app.locator(`[data-testid="preflight-item"][data-item-id="owner:${riskId}"]`);
  await expect(item.getByTestId('preflight-heading')).toHaveText(`No action owner: ${riskId}`);
  await item.getByRole('button', { name: /^Go to Risks to fix/ }).click();
  await expect(app.getByTestId('risk-detail')).toHaveAttribute('data-risk-id', riskId);
});
