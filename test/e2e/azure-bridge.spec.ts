/**
 * The Azure plumbing of the browser e2e harness, without any UI component: page code calls
 * `window.demarc` (the real bridge, the real main-process handlers and AzureSession in the
 * test process), which signs in with a device code and pulls from the loopback fakes of
 * Entra ID and Resource Graph; main's events arrive in the page through `__demarcEmit`.
 * A UI spec ("Connect to Azure → device code → subscriptions → progress → stored") uses the
 * same two fixtures.
 */
import { expect, test as base } from './fixtures';
import { FAKE_SUBSCRIPTIONS, startAzureFakes, type AzureFakes } from './harness/azure-fakes';

const test = base.extend<{ fakes: AzureFakes }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures without dependencies take `{}`
  fakes: async ({}, use) => {
    const fakes = await startAzureFakes();
    await use(fakes);
    await fakes.stop();
  },
  azure: async ({ fakes }, use) => use(fakes.harnessOptions),
});

test('device-code sign-in, discovery and a streamed pull reach the page as events', async ({ app, fakes, main }) => {
  const outcome = await app.evaluate(async (target) => {
    const seen: { event: string; payload: unknown }[] = [];
    const api = window.demarc;
    if (!api) throw new Error('window.demarc is missing');
    api.onAzureDeviceCodeIssued((payload) => seen.push({ event: 'device-code', payload }));
    api.onAzurePullProgressed((payload) => seen.push({ event: 'progress', payload }));
    api.onAzurePullPageReceived((payload) => seen.push({ event: 'page', payload }));
    // Fails fast (instead of at the test timeout) if events stop reaching the page: the
    // sink is installed by `openApp` in fixtures.ts.
    const finished = new Promise<unknown>((resolve) => {
      api.onAzurePullFinished((payload) => resolve(payload));
      setTimeout(() => resolve({ missing: 'no azure:pull-finished reached the page within 30 s (event sink in fixtures.ts openApp?)' }), 30_000);
    });

    const before = await api.getAzureSession({});
    const signedIn = await api.signInToAzure({ method: 'device-code', target, remember: false });
    const scopes = await api.discoverAzureScopes({});
    if (!scopes.ok) return { before, signedIn, scopes, seen };
    const subscriptions = scopes.data.subscriptions.map((s) => s.subscriptionId);
    const started = await api.startAzurePull({ subscriptions, managementGroups: [], queries: ['resources', 'resource-containers'] });
    if (!started.ok) return { before, signedIn, scopes, started, seen };
    const end = await finished;
    return { before, signedIn, scopes, started, end, seen };
  }, fakes.target);

  expect(outcome.before).toMatchObject({ ok: true, data: { signedIn: false } });
  expect(outcome.signedIn).toMatchObject({ ok: true, data: { signedIn: true, account: { method: 'device-code', username: 'consultant@contoso.example' } } });
  const prompt = outcome.seen.find((s) => s.event === 'device-code');
  expect(prompt?.payload).toMatchObject({ userCode: fakes.entra.deviceCodes[0]!.userCode });
  expect(outcome.scopes).toMatchObject({ ok: true, data: { status: 'complete', subscriptions: FAKE_SUBSCRIPTIONS.map((subscriptionId) => ({ subscriptionId })) } });
  expect(outcome.started).toMatchObject({ ok: true, data: { pullId: expect.any(String) } });

  const end = outcome.end as { pullId: string; snapshot: { status: string; totals: { rows: number } } };
  expect(end).toHaveProperty('snapshot');
  expect(end.snapshot.status).toBe('complete');
  const pages = outcome.seen.filter((s) => s.event === 'page').map((s) => s.payload as { pullId: string; rows: { id: string }[] });
  const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
  expect(ids.length).toBe(end.snapshot.totals.rows);
  expect(ids.length).toBe(3 * 1500 + 3);
  expect(pages.length).toBeGreaterThan(3);
  expect(new Set(ids).size).toBe(ids.length);
  expect(pages.every((p) => p.pullId === end.pullId)).toBe(true);
  expect(outcome.seen.some((s) => s.event === 'progress')).toBe(true);

  // No token, refresh token or device code reached the page.
  const pageSaw = JSON.stringify(outcome);
  for (const secret of fakes.entra.allSecrets) expect(pageSaw).not.toContain(secret);
  expect(main.internalErrors).toEqual([]);
});

base('without the fakes, sign-in fails clearly: no network in tests', async ({ app }) => {
  const result = await app.evaluate(() => window.demarc?.signInToAzure({ method: 'device-code', target: { cloud: 'public' }, remember: false }));
  expect(result).toMatchObject({ ok: false, error: { code: 'sign-in-failed', message: expect.stringContaining('no network in tests') } });
});
