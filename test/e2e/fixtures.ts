/**
 * Playwright fixtures for the browser e2e suite: the built renderer served on loopback with
 * the production CSP, `window.demarc` wired to the real main-process handlers, and every
 * CSP violation collected (a test fails if any is reported).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startAppServer, type AppServer } from './harness/app-server';
import { buildBridgeShim } from './harness/build-bridge-shim';
import { createMainProcessHarness, PAGE_WEB_CONTENTS_ID, type HarnessAzureOptions, type MainProcessHarness } from './harness/main-process';

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
}

interface WorkerFixtures {
  appServer: AppServer;
  bridgeShim: string;
}

interface TestFixtures {
  /**
   * Azure settings of the main-process harness. Default (undefined): sign-in fails with
   * "no network in tests". Override with the fakes' options (see harness/azure-fakes.ts).
   */
  azure: HarnessAzureOptions | undefined;
  /** The folder main's folder dialog picks (default: the bundled templates/default). */
  templateFolder: string | undefined;
  main: MainProcessHarness;
  cspViolations: CspViolation[];
  /** Set to true in a test that provokes a violation on purpose. */
  expectCspViolations: { allowed: boolean };
  app: Page;
}

/**
 * Installs the bridge and the CSP listener on a page and opens the app, waiting for the
 * readiness marker. Also used by specs that open their own (persistent) browser context.
 */
export async function openApp(
  page: Page,
  { origin, bridgeShim, main, cspViolations }: { origin: string; bridgeShim: string; main: MainProcessHarness; cspViolations: CspViolation[] },
): Promise<void> {
  await page.exposeBinding('__demarcInvoke', async (source, channel: string, request: unknown) => {
    const frame = source.frame;
    return main.invoke({ sender: { id: PAGE_WEB_CONTENTS_ID }, senderFrame: { url: frame.url(), parent: frame.parentFrame() } }, channel, request);
  });
  await page.exposeBinding('__demarcCspViolation', (_source, violation: CspViolation) => {
    cspViolations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __demarcCspViolation?: (v: unknown) => void }).__demarcCspViolation;
      report?.({ directive: event.violatedDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile });
    });
  });
  await page.addInitScript({ content: bridgeShim });
  // Main-process events (Azure device code, pull pages and progress) reach the page in
  // order through the shim's `__demarcEmit`, as `webContents.send` delivers them in the app.
  let delivery: Promise<unknown> = Promise.resolve();
  main.setEventSink((event, payload) => {
    delivery = delivery
      .then(() => page.evaluate(([name, data]) => window.__demarcEmit?.(name, data), [event, payload] as const))
      .catch(() => undefined); // the page closed or navigated: the event is lost, as in the app
  });
  await page.goto(`${origin}/index.html`);
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
}

/* eslint-disable no-empty-pattern -- Playwright fixtures without dependencies take `{}` */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  appServer: [
    async ({}, use) => {
      const server = await startAppServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  bridgeShim: [async ({}, use) => use(await buildBridgeShim()), { scope: 'worker' }],

  azure: [undefined, { option: true }],
  templateFolder: [undefined, { option: true }],
  main: async ({ appServer, azure, templateFolder }, use) => {
    const harness = createMainProcessHarness(appServer.origin, { ...(azure ? { azure } : {}), ...(templateFolder ? { templateFolder } : {}) });
    await use(harness);
    harness.setEventSink(undefined);
    harness.dispose();
  },
  cspViolations: async ({}, use) => use([]),
  expectCspViolations: async ({}, use) => use({ allowed: false }),

  app: async ({ page, appServer, bridgeShim, main, cspViolations, expectCspViolations }, use) => {
    await openApp(page, { origin: appServer.origin, bridgeShim, main, cspViolations });
    await use(page);
    if (!expectCspViolations.allowed) expect(cspViolations, 'CSP violations reported during the test').toEqual([]);
  },
});

export { expect };
