/**
 * The workshop UI in Chromium, through the e2e harness (built renderer, production CSP):
 *  - answer -> saved -> next question rendered, timed inside the page (p50/p95/max), back to
 *    back and at a (fast) human pace;
 *  - the register with 5,000 risks: first render, then a scroll through it (frame times).
 *
 *   npm run build && npx tsx bench/workshop-ui.bench.ts [answers=60] [risks=5000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { openBenchApp, percentile as pct } from './renderer/open-bench-app';

const answers = Number(process.argv[2] ?? 60);
const riskCount = Number(process.argv[3] ?? 5000);

const { page, close } = await openBenchApp();

// --- answer -> saved -> next question
await page.getByTestId('new-assessment-name').fill('Bench');
await page.getByTestId('create-assessment').click();
await page.getByTestId('nav-interview').click();
await page.getByTestId('question-text').click();
await page.keyboard.press('1');
await page.keyboard.press('2');
await page.keyboard.press('3');
await page.keyboard.press('Enter');
/**
 * Answers `n` questions by keyboard: '1', wait for "Saved", Enter, wait for the next question.
 * `pauseMs` is the time between one question appearing and its answer: 0 is a stress test
 * (each answer queues behind the work the last one left); a consultant reading the question
 * takes seconds, so 300 ms is already a fast human.
 */
async function answerQuestions(n: number, pauseMs: number) {
  return page.evaluate(
    async ({ n, pauseMs }) => {
      const out: number[] = [];
      const toSaved: number[] = [];
      const card = () => document.querySelector('[data-testid="question-card"]')!;
      const saved = () => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') === 'saved';
      // resolves on the DOM mutation that makes `ok` true (no frame-polling delay)
      const until = (ok: () => boolean) =>
        new Promise<void>((resolve) => {
          if (ok()) return resolve();
          const observer = new MutationObserver(() => {
            if (!ok()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
        });
      const key = (k: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      for (let i = 0; i < n; i++) {
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
        const before = card().getAttribute('data-question-id');
        const t0 = performance.now();
        key('1');
        await new Promise((r) => setTimeout(r, 0));
        await until(saved);
        const t1 = performance.now();
        key('Enter');
        await until(() => card().getAttribute('data-question-id') !== before);
        out.push(performance.now() - t0);
        toSaved.push(t1 - t0);
        if (card().getAttribute('data-question-id') === before) break;
      }
      return { out, toSaved };
    },
    { n, pauseMs },
  );
}

for (const [label, n, pauseMs] of [
  ['back to back', answers, 0],
  ['300 ms between answers', Math.round(answers / 2), 300],
] as const) {
  const { out, toSaved } = await answerQuestions(n, pauseMs);
  console.log(
    `answer -> saved -> next question, ${label} (${out.length} answers): p50 ${pct(out, 0.5).toFixed(1)} ms, p95 ${pct(out, 0.95).toFixed(1)} ms, max ${Math.max(...out).toFixed(1)} ms; of which answer -> saved p50 ${pct(toSaved, 0.5).toFixed(1)} ms`,
  );
}

// --- register with N risks
const demo = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'assessments', 'demo', 'contoso-demo.demarc.json'), 'utf8')) as { risks: Record<string, unknown>[] };
const assessmentId = await page.evaluate(() => JSON.parse(localStorage.getItem('demarc-ui') ?? '{}').state.openAssessmentId as string);
await page.evaluate(
  async ({ templates, n, assessmentId }) => {
    const risks = Array.from({ length: n }, (_v, i) => {
      const t = templates[i % templates.length]!;
      const risk: Record<string, unknown> = {
        ...t,
        id: `R-${String(i + 1).padStart(4, '0')}`,
        templateId: `BENCH-${i}`,
        title: `${String(t.title)} (${i + 1})`,
        likelihood: (i % 5) + 1,
        impact: ((i * 7) % 5) + 1,
        assessmentId,
        origin: 'manual',
        status: 'open',
        notes: '',
        effectiveOwner: t.owner,
        updatedAt: new Date().toISOString(),
      };
      return risk;
    });
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('demarc');
      open.onsuccess = () => {
        const tx = open.result.transaction(['risks', 'riskRows'], 'readwrite');
        for (const r of risks) {
          tx.objectStore('risks').put(r);
          tx.objectStore('riskRows').put({
            assessmentId, id: r.id, templateId: r.templateId, title: r.title, category: r.category, area: r.area, serviceModels: r.serviceModels,
            effectiveOwner: r.effectiveOwner, ownerOverridden: false, likelihood: r.likelihood, impact: r.impact, inherentLevel: r.inherentLevel,
            residual: null, treatment: null, status: 'open', origin: 'manual', verification: null,
          });
        }
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  },
  { templates: demo.risks, n: riskCount, assessmentId },
);
await page.getByTestId('nav-assessments').click();
const t0 = Date.now();
await page.getByTestId('nav-risks').click();
await expect
  .poll(async () => Number(/of ([\d,]+)/.exec((await page.getByTestId('risk-count').textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0), { timeout: 60_000, intervals: [10] })
  .toBeGreaterThanOrEqual(riskCount);
await expect(page.getByTestId('risk-row').first()).toBeVisible();
const firstRender = Date.now() - t0;
const scroll = await page.evaluate(async () => {
  const el = document.querySelector('[data-testid="risk-table"]') as HTMLElement;
  const frames: number[] = [];
  let last = performance.now();
  const t0 = last;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += el.clientHeight;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return { total: performance.now() - t0, frames, rowsInDom: document.querySelectorAll('[data-testid="risk-row"]').length };
});
console.log(
  `register with ${riskCount} risks: first render ${firstRender} ms (click to rows visible, includes reading and sorting); scroll through ${scroll.frames.length} pages in ${Math.round(scroll.total)} ms, frame p50 ${pct(scroll.frames, 0.5).toFixed(1)} ms, p95 ${pct(scroll.frames, 0.95).toFixed(1)} ms, ${scroll.rowsInDom} rows in the DOM`,
);
await page.getByTestId('sort-title').click();
const t1 = Date.now();
await page.getByTestId('sort-title').click();
await expect(page.getByTestId('sort-title').locator('..')).toHaveAttribute('aria-sort', 'descending');
console.log(`re-sort of ${riskCount} risks: ${Date.now() - t1} ms`);
await close();
