/**
 * Nothing typed is lost when the window dies right after typing: the browser context is
 * closed without waiting for anything, then reopened on the same profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, openApp, test, type CspViolation } from './fixtures';
import { createAssessment, goTo } from './pages/workshop';

test('an abrupt close right after typing loses nothing', async ({ appServer, bridgeShim, main }, testInfo) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'demarc-e2e-profile-'));
  const launchOptions = testInfo.project.use.launchOptions ?? {};
  const cspViolations: CspViolation[] = [];
  const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await chromium.launchPersistentContext(profile, { ...launchOptions, headless: true });
    const page = context.pages()[0] ?? (await context.newPage());
    await openApp(page, { origin: appServer.origin, bridgeShim, main, cspViolations });
    return { context, page };
  };
  try {
    const first = await open();
    await createAssessment(first.page, 'Abrupt close workshop');
    await goTo(first.page, 'interview');
    await first.page.getByTestId('choice-iaas').click();
    const note = 'Typed a moment before the laptop lid closed — every word must survive.';
    await first.page.getByTestId('answer-note').pressSequentially(note, { delay: 5 });
    // no wait for "Saved": the window goes away now
    await first.context.close();

    const second = await open();
    await goTo(second.page, 'interview');
    await expect(second.page.getByTestId('answer-note')).toHaveValue(note);
    await expect(second.page.getByTestId('choice-iaas')).toBeChecked();
    await second.context.close();
    expect(cspViolations).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
