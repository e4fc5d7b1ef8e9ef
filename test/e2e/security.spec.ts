import { channelNames, channels, eventNames, events } from '../../core/ipc/contract';
import { PRODUCTION_CSP, productionCsp } from '../../electron/main/csp';
import { expect, test } from './fixtures';

test.describe('Renderer isolation', () => {
  test('window.demarc is frozen, read-only, and holds nothing but the functions of the contract', async ({ app }) => {
    // What the preload could leak is what it puts on window.demarc (create-api.ts, as the app's preload builds it).
    const bridge = await app.evaluate(() => {
      const api = window.demarc as unknown as Record<string, unknown>;
      const slot = Object.getOwnPropertyDescriptor(window, 'demarc');
      const attempts = { added: false, replaced: false };
      try {
        api.ipcRenderer = {};
      } catch {
        // frozen: strict-mode assignment throws
      }
      attempts.added = 'ipcRenderer' in api;
      const original = api.openExternal;
      try {
        api.openExternal = () => 'hijacked';
      } catch {
        // frozen
      }
      attempts.replaced = api.openExternal !== original;
      return {
        frozen: Object.isFrozen(api),
        prototypeIsPlain: Object.getPrototypeOf(api) === Object.prototype,
        names: Object.getOwnPropertyNames(api).sort(),
        symbols: Object.getOwnPropertySymbols(api).length,
        kinds: [...new Set(Object.values(api).map((v) => typeof v))],
        // nothing hangs off the functions themselves (no transport, no ipcRenderer)
        functionMembers: [...new Set(Object.values(api).flatMap((fn) => Object.getOwnPropertyNames(fn)))].sort(),
        slot: slot ? { writable: slot.writable, configurable: slot.configurable } : null,
        attempts,
        isSecureContext: window.isSecureContext,
      };
    });
    const expected = [...channelNames.map((c) => channels[c].method), ...eventNames.map((e) => events[e].method)].sort();
    expect(bridge).toEqual({
      frozen: true,
      prototypeIsPlain: true,
      names: expected,
      symbols: 0,
      kinds: ['function'],
      functionMembers: ['length', 'name'],
      slot: { writable: false, configurable: false },
      attempts: { added: false, replaced: false },
      isSecureContext: true,
    });
    for (const leak of ['ipcRenderer', 'invoke', 'send', 'on', 'require', 'process']) expect(bridge.names).not.toContain(leak);
  });

  test('every page response carries the production CSP, with a fresh style nonce per page', async ({ app, appServer }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await app.request.get(`${appServer.origin}/index.html`);
      const csp = response.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(csp).toBe(productionCsp(nonce));
      const html = await response.text();
      expect(html).toContain(`<meta name="demarc-style-nonce" content="${nonce}"`);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the built page
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    const script = await app.request.get(`${appServer.origin}/${await app.evaluate(() => document.querySelector('script[src]')?.getAttribute('src')?.replace(/^\.\//, ''))}`);
    expect(script.headers()['content-security-policy']).toBe(PRODUCTION_CSP);
  });

  test('the renderer cannot reach the network', async ({ app, expectCspViolations, cspViolations }) => {
    expectCspViolations.allowed = true;
    const outcome = await app.evaluate(async () => {
      try {
        await fetch('https://management.azure.com/subscriptions');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    await expect.poll(() => cspViolations.map((v) => v.directive)).toContain('connect-src');
  });

  test('injected inline script does not run', async ({ app, expectCspViolations }) => {
    expectCspViolations.allowed = true;
    const ran = await app.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __pwned?: boolean }).__pwned === true;
    });
    expect(ran).toBe(false);
  });
});

test.describe('Bridge to the main process', () => {
  test('calls run the real handlers: app info and secure-storage policy reach Settings', async ({ app }) => {
    await app.getByTestId('nav-settings').click();
    await expect(app.getByTestId('app-version')).toContainText('Demarc');
    await expect(app.getByTestId('secure-storage')).toContainText('No keyring');
    await expect(app.getByTestId('storage-persisted')).not.toHaveText('checking…');
  });

  test('malformed requests from page code are refused by the main-process schema', async ({ app, main }) => {
    const result = await app.evaluate(() => window.demarc!.openExternal({ url: 'https://learn.microsoft.com/', path: '/etc/passwd' } as never));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const forbidden = await app.evaluate(() => window.demarc!.openExternal({ url: 'file:///etc/passwd' }));
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(main.openedExternally).toEqual([]);
  });

  test('saving sends bytes and a suggested name; main picks the path and writes atomically', async ({ app, main }) => {
    const result = await app.evaluate(() =>
      window.demarc!.saveDocument({ kind: 'assessment-bundle', suggestedName: 'contoso.demarc.json', bytes: new TextEncoder().encode('{"a":1}') }),
    );
    expect(result).toEqual({ ok: true, data: { saved: true, fileName: 'contoso.demarc.json', documentId: expect.any(String) } });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${main.saveFolder}/contoso.demarc.json`, 'utf8')).toBe('{"a":1}');
  });

  test('page code cannot save a file the operating system would run, so it can never ask to open one', async ({ app, main }) => {
    const outcome = await app.evaluate(async () => {
      const bytes = new TextEncoder().encode('<script>');
      const hta = await window.demarc!.saveDocument({ kind: 'report', suggestedName: 'invoice.hta', bytes });
      const lnk = await window.demarc!.saveDocument({ kind: 'assessment-bundle', suggestedName: 'contoso.lnk', bytes });
      return { hta, lnk };
    });
    expect(outcome).toEqual({
      hta: { ok: false, error: { code: 'forbidden', message: 'A report is saved as a .docx file; invoice.hta was not saved.' } },
      lnk: { ok: false, error: { code: 'forbidden', message: 'An assessment is saved as a .demarc.json file; contoso.lnk was not saved.' } },
    });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(main.saveFolder)).toEqual([]);
    expect(main.dialogCalls).toEqual([]);
  });

  test('a main-process theme event reaches the app through the bridge', async ({ app }) => {
    await app.getByTestId('nav-settings').click();
    await app.getByText('Follow the system').click();
    await app.evaluate(() => (window as unknown as { __demarcEmit: (e: string, p: unknown) => void }).__demarcEmit('app:native-theme-updated', { shouldUseDarkColors: true }));
    await expect(app.locator('[data-theme]').first()).toHaveAttribute('data-theme', 'dark');
    await app.evaluate(() => (window as unknown as { __demarcEmit: (e: string, p: unknown) => void }).__demarcEmit('app:native-theme-updated', { shouldUseDarkColors: false }));
    await expect(app.locator('[data-theme]').first()).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('Navigation', () => {
  test('every area of the frame can be reached', async ({ app }) => {
    for (const area of ['interview', 'inventory', 'risks', 'incident-response', 'report', 'settings', 'assessments']) {
      await app.getByTestId(`nav-${area}`).click();
      await expect(app.getByTestId(`area-${area}`)).toBeVisible();
    }
  });
});
