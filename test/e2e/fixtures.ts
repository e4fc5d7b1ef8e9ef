/**
 * Playwright fixtures for the browser e2e suite: the built renderer served on loopback with
 * the production CSP, `window.demarc` wired to the real main-process handlers, and every
 * CSP violation collected (a test fails if any is reported).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startAppServer, type AppServer } from './harness/app-server';
import { buildBridgeShim } from './harness/build-bridge-shim';
import { createMainProcessHarness, PAGE_WEB_CONTENTS_ID, type MainProcessHarness } from './harness/main-process';

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
  main: MainProcessHarness;
  cspViolations: CspViolation[];
  /** Set to true in a test that provokes a violation on purpose. */
  expectCspViolations: { allowed: boolean };
  app: Page;
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

  main: async ({ appServer }, use) => use(createMainProcessHarness(appServer.origin)),
  cspViolations: async ({}, use) => use([]),
  expectCspViolations: async ({}, use) => use({ allowed: false }),

  app: async ({ page, appServer, bridgeShim, main, cspViolations, expectCspViolations }, use) => {
    await page.exposeBinding('__demarcInvoke', async (source, channel: string, request: unknown) => {
      const frame = source.frame;
      return main.invoke(
        { sender: { id: PAGE_WEB_CONTENTS_ID }, senderFrame: { url: frame.url(), parent: frame.parentFrame() } },
        channel,
        request,
      );
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
    await page.goto(`${appServer.origin}/index.html`);
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await use(page);
    if (!expectCspViolations.allowed) expect(cspViolations, 'CSP violations reported during the test').toEqual([]);
  },
});

export { expect };
