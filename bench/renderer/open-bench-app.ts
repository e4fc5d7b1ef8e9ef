/**
 * Opens the built renderer for a Chromium benchmark through the e2e harness (production
 * CSP, `window.demarc` on the real main-process handlers). Run `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { chromiumPath } from '../../playwright.config';
import { startAppServer } from '../../test/e2e/harness/app-server';
import { buildBridgeShim } from '../../test/e2e/harness/build-bridge-shim';
import { createMainProcessHarness } from '../../test/e2e/harness/main-process';
import { openApp } from '../../test/e2e/fixtures';

export async function openBenchApp() {
  const server = await startAppServer();
  const shim = await buildBridgeShim();
  const main = createMainProcessHarness(server.origin);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // tsx keeps function names with a `__name` helper that page code does not have
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await openApp(page, { origin: server.origin, bridgeShim: shim, main, cspViolations: [] });
  return {
    page,
    close: async () => {
      await browser.close();
      main.dispose();
      await server.close();
    },
  };
}

/** The p-quantile (0..1) of `xs`. */
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
