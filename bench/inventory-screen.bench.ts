/**
 * The Inventory screen with a large estate, in Chromium through the e2e harness (built
 * renderer, production CSP): import an N-resource Resource Graph export through the app's
 * own path (file input → worker: parse, normalise, checks, store), then time opening the
 * screen, each filter, a text search and a scroll through the virtual table.
 *
 *   npm run build && npx tsx bench/inventory-screen.bench.ts [resources=50000]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { openBenchApp, percentile as pct } from './renderer/open-bench-app';
import { generateEstate, templateRows } from './estate-generator';

const count = Number(process.argv[2] ?? 50_000);

const rows = generateEstate(templateRows(path.join(import.meta.dirname, '..', 'assessments', 'azure-m365', 'checks', 'fixtures')), count);
const file = path.join(mkdtempSync(path.join(tmpdir(), 'demarc-bench-')), 'estate.json');
writeFileSync(file, JSON.stringify(rows));

const { page, close } = await openBenchApp();

await page.getByTestId('new-assessment-name').fill('Inventory bench');
await page.getByTestId('create-assessment').click();
await page.getByTestId('nav-inventory').click();

/** Milliseconds from `act` until `resource-count` shows a settled number other than `before`. */
async function timeCount(p: Page, act: () => Promise<void>): Promise<{ ms: number; shown: number }> {
  const before = await p.getByTestId('resource-count').textContent().catch(() => null);
  const t0 = Date.now();
  await act();
  await expect
    .poll(async () => {
      const text = (await p.getByTestId('resource-count').textContent().catch(() => null)) ?? '';
      return text !== before && /^[\d,]+ resources$/.test(text);
    }, { timeout: 120_000, intervals: [5] })
    .toBe(true);
  const ms = Date.now() - t0;
  const shown = Number(((await p.getByTestId('resource-count').textContent()) ?? '').replace(/[^\d]/g, ''));
  return { ms, shown };
}

const importStart = Date.now();
await page.getByTestId('import-inventory-input').setInputFiles(file);
await expect(page.getByTestId('inventory-imported')).toBeVisible({ timeout: 600_000 });
const importMs = Date.now() - importStart;
await expect(page.getByTestId('resource-count')).toHaveText(/^[\d,]+ resources$/, { timeout: 120_000 });

await page.getByTestId('nav-assessments').click();
const open = await timeCount(page, async () => {
  await page.getByTestId('nav-inventory').click();
});
await expect(page.getByTestId('resource-row').first()).toBeVisible();

const optionOf = async (testId: string, index: number) =>
  page.getByTestId(testId).locator('option').nth(index).getAttribute('value').then((v) => v ?? '');
const byType = await timeCount(page, async () => {
  await page.getByTestId('filter-type').selectOption(await optionOf('filter-type', 1));
});
await page.getByTestId('filter-type').selectOption('');
const byCheck = await timeCount(page, async () => {
  await page.getByTestId('filter-check').selectOption(await optionOf('filter-check', 1));
});
await page.getByTestId('filter-check').selectOption('');
const bySubscription = await timeCount(page, async () => {
  await page.getByTestId('filter-subscription').selectOption(await optionOf('filter-subscription', 1));
});
await page.getByTestId('filter-subscription').selectOption('');
const search = await timeCount(page, async () => {
  await page.getByTestId('resource-search').fill('stor');
});
await page.getByTestId('resource-search').fill('');
await expect(page.getByTestId('resource-count')).toHaveText(`${open.shown.toLocaleString('en-US')} resources`);

const scroll = await page.evaluate(async () => {
  const el = document.querySelector('[data-testid="resource-table"]') as HTMLElement;
  const frames: number[] = [];
  let last = performance.now();
  for (let i = 0; i < 400 && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i++) {
    el.scrollTop += el.clientHeight;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return { frames, rowsInDom: document.querySelectorAll('[data-testid="resource-row"]').length };
});
const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);

console.log(`inventory of ${count.toLocaleString()} generated rows (${open.shown.toLocaleString()} resources shown)`);
console.log(`  import through the app (file -> worker: parse, normalise, ${'checks'}, store): ${(importMs / 1000).toFixed(1)} s`);
console.log(`  open the Inventory screen -> count and rows: ${open.ms} ms`);
console.log(`  filter by type: ${byType.ms} ms (${byType.shown.toLocaleString()}); by failing check: ${byCheck.ms} ms (${byCheck.shown.toLocaleString()}); by subscription: ${bySubscription.ms} ms (${bySubscription.shown.toLocaleString()}); text search: ${search.ms} ms (${search.shown.toLocaleString()})`);
console.log(`  scroll ${scroll.frames.length} viewports: frame p50 ${pct(scroll.frames, 0.5).toFixed(1)} ms, p95 ${pct(scroll.frames, 0.95).toFixed(1)} ms, ${scroll.rowsInDom} rows in the DOM`);
if (heap !== null) console.log(`  page JS heap after: ${(heap / 1024 / 1024).toFixed(0)} MB`);
await close();
