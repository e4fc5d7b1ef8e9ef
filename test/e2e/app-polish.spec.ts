/**
 * The second pass over the demo's screens at 1600x1000 and 1280x800: long values read whole in
 * the incident response editors, one citation per source under the resource table, labels not
 * keys, the tenant by its name, a key for every area, and the interview's buttons in view. Each
 * test takes a screenshot to the test's output folder (test-results/…) for a person to look at.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { NARROW, WIDE, goTo, openDemo } from './pages/workshop';

/** The values of these fields that do not show whole: wider or taller than their box. */
function cutOff(fields: Locator): Promise<string[]> {
  return fields.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => (el as HTMLInputElement | HTMLTextAreaElement).value),
  );
}

for (const size of [WIDE, NARROW]) {
  test(`Incident response at ${size.width}x${size.height}: contacts, decision rights and contractual clocks read whole, without scrolling sideways`, async ({ app }, info) => {
    await openDemo(app, size);
    await goTo(app, 'incident-response');
    await expect(app.getByTestId('contact-row')).toHaveCount(10);
    const contactFields = app.locator('[data-testid="contact-row"] :is(input, textarea)[data-testid^="contact-"]');
    expect(await contactFields.count()).toBe(60);
    await app.getByTestId('contacts').screenshot({ path: info.outputPath(`ir-contacts-${size.width}.png`) });
    await app.getByTestId('ir-decision-rights').screenshot({ path: info.outputPath(`ir-decision-rights-${size.width}.png`) });
    await app.getByTestId('ir-contractual-clocks').screenshot({ path: info.outputPath(`ir-clocks-${size.width}.png`) });
    expect(await cutOff(contactFields), 'contact fields cut off').toEqual([]);
    // a value the first review found cut off is among them
    expect(await app.getByTestId('contact-email').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toContain('priya.natarajan@contoso-pharma.example');
    const rights = app.locator('[data-testid="ir-decision-rights-row"] :is(input, textarea)');
    const clocks = app.locator('[data-testid="ir-contractual-clocks-row"] :is(input, textarea)');
    expect(await rights.count()).toBe(18);
    expect(await clocks.count()).toBe(6);
    expect(await cutOff(rights), 'decision rights cut off').toEqual([]);
    expect(await cutOff(clocks), 'contractual clocks cut off').toEqual([]);
    const main = app.locator('main');
    expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth), 'the screen scrolls sideways').toBeLessThanOrEqual(0);
  });
}

test('Incident response: a long value typed into a clock grows its field, and is saved whole', async ({ app }) => {
  await openDemo(app, NARROW);
  await goTo(app, 'incident-response');
  const deadline = app.getByTestId('ir-contractual-clocks-deadline').first();
  const before = (await deadline.boundingBox())!.height;
  const long = 'Within 24 hours of awareness of any incident affecting trial data, by telephone to the sponsor’s safety desk and in writing within 72 hours';
  await deadline.fill(long);
  await expect(deadline).toHaveValue(long);
  expect((await deadline.boundingBox())!.height).toBeGreaterThan(before);
  expect(await cutOff(deadline)).toEqual([]);
});

test('Provider commitments: each source is cited once under the resource table, and every row points to its source', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'commitments');
  const table = app.getByTestId('commitment-resources');
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(20);
  const sources = app.getByTestId('commitment-sources').getByRole('listitem');
  const citations = await sources.allTextContents();
  expect(citations.length).toBeGreaterThan(0);
  expect(citations.length).toBeLessThan(count);
  expect(new Set(citations).size, 'a source listed twice').toBe(citations.length);
  // every row names its source by a number that is in the list, the full citation in its tooltip
  const refs = await table.getByTestId('commitment-source-ref').evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', title: el.getAttribute('title') ?? '' })));
  expect(refs).toHaveLength(count);
  for (const ref of refs) {
    const n = Number(/^\[(\d+)\]$/.exec(ref.text)?.[1]);
    expect(citations[n - 1], `source ${ref.text}`).toBeDefined();
    expect(citations[n - 1]).toContain(ref.title);
  }
  await app.getByTestId('commitment-resources').scrollIntoViewIfNeeded();
  await app.screenshot({ path: info.outputPath('commitments-resources.png') });
  await app.getByTestId('commitment-sources').scrollIntoViewIfNeeded();
  await app.screenshot({ path: info.outputPath('commitments-sources.png') });
  // a row is one line tall, not a paragraph of citation
  const heights = await rows.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(80);
});

test('Business services: criticality is written as a label, as in the service form', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'commitments');
  const table = app.getByTestId('business-services');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const criticality = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(criticality.filter((c) => /^[a-z]/.test(c)), 'criticality shown as a key').toEqual([]);
  expect(criticality).toContain('Critical');
  await table.screenshot({ path: info.outputPath('business-services.png') });
});

test('Inventory: the demo’s Graph snapshot names its tenant, with the tenant id beside it', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await goTo(app, 'inventory');
  const graphRow = app.locator('[data-testid="snapshot-row"][data-source="microsoft-graph"]');
  await expect(graphRow.getByTestId('snapshot-scope')).toHaveText(/^tenant Contoso Pharma Ltd \(fictional\) \([0-9a-f]{8}-/);
  await graphRow.getByRole('button', { name: /Show snapshot/ }).click();
  const tenant = app.getByTestId('graph-snapshot-tenant');
  await expect(tenant).toHaveText(/^Tenant Contoso Pharma Ltd \(fictional\) \(e0f4b3d5-[0-9a-f-]+\)/);
  await app.getByTestId('graph-snapshot-detail').screenshot({ path: info.outputPath('graph-snapshot-tenant.png') });
});

test('Keyboard: Alt+0 opens the Report, Ctrl+comma the Settings, and the help says so', async ({ app }, info) => {
  await openDemo(app, WIDE);
  await app.keyboard.press('Alt+3');
  await expect(app.getByTestId('area-interview')).toBeVisible();
  await app.keyboard.press('Alt+0');
  await expect(app.getByTestId('area-report')).toBeVisible();
  await app.keyboard.press('Control+Comma');
  await expect(app.getByTestId('area-settings')).toBeVisible();
  await app.keyboard.press('Alt+9');
  await expect(app.getByTestId('area-incident-response')).toBeVisible();
  await app.getByTestId('shortcut-help-button').click();
  const list = app.getByTestId('shortcut-list');
  await expect(list.getByRole('row', { name: /Alt\+0.*Report/ })).toHaveCount(1);
  await expect(list.getByRole('row', { name: /Ctrl\+,.*Settings/ })).toHaveCount(1);
  await app.getByRole('dialog').screenshot({ path: info.outputPath('shortcut-help.png') });
});

test('Interview at 1280x800: Back and Next are in view while the question is', async ({ app }, info) => {
  await openDemo(app, NARROW);
  await goTo(app, 'interview');
  const card = app.getByTestId('question-card');
  await expect(card).toBeVisible();
  // a question with a long list of choices and fields, as the demo's first is
  for (const id of ['question-back', 'question-next']) {
    const box = (await app.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, `${id} below the fold`).toBeLessThanOrEqual(NARROW.height);
  }
  await app.getByTestId('question-next').click();
  await expect(app.getByTestId('question-position')).toHaveText(/^Question 2 of/);
  await expect(app.getByTestId('question-back')).toBeEnabled();
  // the bar stands over the fields below it, which come into view when the screen is scrolled down
  await app.getByTestId('question-next').click();
  await expect(app.getByTestId('question-position')).toHaveText(/^Question 3 of/);
  const answeredBy = app.getByText('Answered by', { exact: true });
  await app.locator('main').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const bar = (await app.getByTestId('question-back').boundingBox())!;
  expect((await answeredBy.boundingBox())!.y + 10).toBeLessThan(bar.y);
  await app.screenshot({ path: info.outputPath('interview-1280.png') });
});
