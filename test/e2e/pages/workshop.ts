/** Page-object helpers shared by the workshop specs. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function createAssessment(page: Page, name: string, client = 'Contoso Ltd'): Promise<void> {
  await goTo(page, 'assessments');
  await page.getByTestId('new-assessment-name').fill(name);
  await page.getByTestId('new-assessment-client').fill(client);
  await page.getByTestId('create-assessment').click();
  await expect(page.getByTestId('open-assessment-name')).toHaveText(name);
}

/** The sizes the screens are reviewed at: a desktop monitor and a small laptop. */
export const WIDE = { width: 1600, height: 1000 };
export const NARROW = { width: 1280, height: 800 };

/** Opens the window at this size and creates the demo assessment. */
export async function openDemo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.getByTestId('create-demo').click();
  await expect(page.getByTestId('assessment-row')).toHaveCount(1);
}

export async function goTo(page: Page, area: string): Promise<void> {
  await page.getByTestId(`nav-${area}`).click();
  await expect(page.getByTestId(`area-${area}`)).toBeVisible();
}

/** Moves focus off any field, so the interview's keys act on the question. */
export async function focusQuestion(page: Page): Promise<void> {
  await page.getByTestId('question-text').click();
}

/** Opens the interview and answers the first (scope) question with these number keys. */
export async function answerScope(page: Page, keys: string[]): Promise<void> {
  await goTo(page, 'interview');
  await focusQuestion(page);
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
}

export async function currentQuestion(page: Page): Promise<string> {
  return (await page.getByTestId('question-card').getAttribute('data-question-id')) ?? '';
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

/**
 * Axe on the current screen: no serious or critical violation. Fluent's focus manager
 * (Tabster) adds invisible `<i tabindex="0" aria-hidden data-tabster-dummy>` sentinels that
 * move focus into the right place; axe reports them as aria-hidden-focus, so they are excluded.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // colours are measured as they stand: let Fluent's transitions (dialog fade, focus and hover
  // colours, ~100-300 ms) finish first, or a button caught mid-fade fails colour contrast
  // (bounded: an endless animation such as a spinner never finishes)
  await page.evaluate(() =>
    Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 1000))]),
  );
  // Fluent's modal (Tabster's modalizer) hides the rest of the page with aria-hidden while a
  // dialog is open and gives it back a moment after the dialog has gone: scan once it has
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const dialogOpen = document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
          return dialogOpen || document.getElementById('root')?.getAttribute('aria-hidden') !== 'true';
        }),
      { message: `${label}: the page is given back to assistive technology after a dialog closes` },
    )
    .toBe(true);
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    `accessibility of ${label}`,
  ).toEqual([]);
}

/** Reads every row of an object store straight from IndexedDB. */
export function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('demarc');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result as Record<string, unknown>[]);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    store,
  );
}
