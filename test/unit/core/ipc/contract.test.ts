import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, channels, eventNames, events } from '../../../../core/ipc/contract';

/** Every object key reachable in a zod schema. */
function keysOf(schema: z.ZodType, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  const keys: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') keys.push(...Object.keys(record.properties));
    for (const value of Object.values(record)) walk(value);
  };
  walk(json);
  return keys;
}

describe('IPC contract', () => {
  it('names channels <domain>:<verb-noun> and events <domain>:<noun>-<past-tense>', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)+$/);
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*-[a-z]+ed$/);
  });

  it('gives every channel and event a unique method name', () => {
    const methods = [...channelNames.map((c) => channels[c].method), ...eventNames.map((e) => events[e].method)];
    expect(new Set(methods).size).toBe(methods.length);
  });

  it('carries no token or secret in any response or event payload', () => {
    const forbidden = /token|secret|password|credential|assertion|refresh/i;
    for (const name of channelNames) {
      for (const key of keysOf(channels[name].response)) expect(key, `${name} response key ${key}`).not.toMatch(forbidden);
    }
    for (const name of eventNames) {
      for (const key of keysOf(events[name].payload)) expect(key, `${name} payload key ${key}`).not.toMatch(forbidden);
    }
  });

  it('uses strict objects so unknown fields (such as a path) are refused', () => {
    const parsed = channels['file:save-document'].request.safeParse({ kind: 'report', suggestedName: 'r.docx', bytes: new Uint8Array(), path: '/x' });
    expect(parsed.success).toBe(false);
  });
});
