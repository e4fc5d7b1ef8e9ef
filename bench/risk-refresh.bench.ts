/**
 * The app's re-derivation of the register (`refreshRisks`, run each time a register screen
 * opens), in Chromium through the e2e harness (built renderer, real IndexedDB): import an
 * N-resource estate through the app's own path, answer the scoping questions, then time
 * opening the Risks screen until it is ready (read answers + findings, derive, write what
 * changed), first and then again after leaving it.
 *
 *   npm run build && npx tsx bench/risk-refresh.bench.ts [resources=20000] [rounds=5]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { openBenchApp, percentile } from './renderer/open-bench-app';
import { generateEstate, templateRows } from './estate-generator';

const count = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 5);

const rows = generateEstate(templateRows(path.join(import.meta.dirname, '..', 'assessments', 'azure-m365', 'checks', 'fixtures')), count);
const file = path.join(mkdtempSync(path.join(tmpdir(), 'demarc-bench-')), 'estate.json');
writeFileSync(file, JSON.stringify(rows));

const { page, close } = await openBenchApp();
try {
  await page.getByTestId('new-assessment-name').fill('Refresh bench');
  await page.getByTestId('create-assessment').click();
  // scope: every service model, then a few answers with the third choice
  await page.getByTestId('nav-interview').click();
  await page.getByTestId('question-text').click();
  for (const key of ['1', '2', '3']) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  for (let i = 0; i < 8; i++) {
    const id = await page.getByTestId('question-card').getAttribute('data-question-id');
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('question-card')).not.toHaveAttribute('data-question-id', id ?? '');
  }
  await page.getByTestId('nav-inventory').click();
  await page.getByTestId('import-inventory-input').setInputFiles(file);
  await expect(page.getByTestId('inventory-imported')).toBeVisible({ timeout: 600_000 });

  /** Milliseconds from opening the Risks screen until the refreshed register is shown. */
  const openRisks = async (): Promise<number> => {
    await page.getByTestId('nav-assessments').click();
    const t0 = Date.now();
    await page.getByTestId('nav-risks').click();
    await expect(page.getByTestId('risks-screen')).toHaveAttribute('data-ready', 'true', { timeout: 300_000 });
    return Date.now() - t0;
  };
  const first = await openRisks();
  const again: number[] = [];
  for (let i = 0; i < rounds; i++) again.push(await openRisks());
  const shown = (await page.getByTestId('risk-count').textContent()) ?? '';
  console.log(`resources: ${count.toLocaleString('en-GB')}; register: ${shown}`);
  console.log(`first open (derive + write every risk): ${first} ms`);
  console.log(`re-open (derive, nothing changed) x${rounds}: median ${percentile(again, 0.5)} ms, min ${Math.min(...again)} ms, max ${Math.max(...again)} ms`);
} finally {
  await close();
}
