/**
 * A canary client secret and every access token the fake issued must appear in no log
 * line, progress event (what main sends over IPC), stored snapshot, or error message —
 * even when the servers echo them back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pullInventory } from '../../../core/azure/pull';
import { pullProgressEventSchema, snapshotMetaSchema, type PullProgressEvent } from '../../../core/azure/schemas';
import { snapshotMeta } from '../../../core/azure/pull';
import { defaultRows } from './fakes/fake-resource-graph';
import { startHarness, subscriptionIds, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.stop();
  harness = undefined;
});

function captureOutput(): string[] {
  const lines: string[] = [];
  const record = (...args: unknown[]): void => {
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(record);
  const write = (chunk: unknown): boolean => {
    lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(write as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(write as typeof process.stderr.write);
  return lines;
}

function expectClean(haystacks: string[], needles: string[]): void {
  expect(needles.length).toBeGreaterThan(0);
  for (const needle of needles) {
    expect(needle.length).toBeGreaterThan(10);
    for (const text of haystacks) expect(text.includes(needle), `leaked ${needle.slice(0, 16)}… in ${text.slice(0, 200)}`).toBe(false);
  }
}

describe('no secret or token leaves the main process', () => {
  it('keeps the canary secret and issued tokens out of events, snapshots, errors and logs', async () => {
    harness = await startHarness({ graph: { rows: defaultRows(1100) } });
    const h = harness;
    // Resource Graph echoes the bearer token in an error body and in a 5xx message.
    h.graph.onRequest = (ctx) => {
      if (ctx.table === 'securityresources' && ctx.query.includes('pricings')) {
        return { kind: 'status', status: 403, body: { error: { code: 'AuthorizationFailed', message: `Authorization: Bearer ${ctx.token} has no access; raw=${ctx.token}` } } };
      }
      if (ctx.table === 'authorizationresources' && ctx.query.includes('roledefinitions')) {
        return { kind: 'status', status: 500, body: { error: { code: 'InternalServerError', message: `token ${ctx.token} secret ${h.secret}` } } };
      }
      return undefined;
    };
    const output = captureOutput();
    const events: PullProgressEvent[] = [];
    const snapshot = await pullInventory({
      transport: h.transport,
      cloud: h.cloud,
      clock: h.clock,
      redact: h.signIn.redactor.redactor,
      scope: { subscriptions: subscriptionIds(2) },
      onProgress: (e) => events.push(e),
    });
    vi.restoreAllMocks();
    expect(snapshot.status).toBe('partial');
    expect(snapshot.errors.map((e) => e.code).sort()).toEqual(['forbidden', 'server-error']);
    expect(snapshot.errors.find((e) => e.code === 'forbidden')!.message).toContain('[redacted]');
    // The event and snapshot shapes that would cross IPC parse, and contain nothing secret.
    for (const event of events) pullProgressEventSchema.parse(event);
    snapshotMetaSchema.parse(snapshotMeta(snapshot));
    const haystacks = [
      ...output,
      ...events.map((e) => JSON.stringify(e)),
      JSON.stringify(snapshot),
      ...snapshot.errors.map((e) => e.message),
    ];
    expectClean(haystacks, [h.secret, ...h.entra.issuedTokens]);
  });

  it('keeps a secret echoed by Entra out of the sign-in error', async () => {
    harness = await startHarness({ presentedSecret: 'canary-wrong-secret-4f9c2d7e1a', entra: { echoSecretInErrors: true } });
    const output = captureOutput();
    const events: PullProgressEvent[] = [];
    const snapshot = await pullInventory({
      transport: harness.transport,
      cloud: harness.cloud,
      clock: harness.clock,
      redact: harness.signIn.redactor.redactor,
      scope: { subscriptions: subscriptionIds(1) },
      onProgress: (e) => events.push(e),
    });
    let thrown = '';
    try {
      await harness.signIn.authenticate();
    } catch (error) {
      thrown = error instanceof Error ? error.message : String(error);
    }
    vi.restoreAllMocks();
    expect(snapshot.errors[0]!.code).toBe('authentication-failed');
    expect(snapshot.errors[0]!.message).toContain('AADSTS7000215');
    expect(thrown).toContain('AADSTS7000215');
    expectClean(
      [...output, ...events.map((e) => JSON.stringify(e)), JSON.stringify(snapshot), thrown],
      ['canary-wrong-secret-4f9c2d7e1a', harness.secret],
    );
  });
});
