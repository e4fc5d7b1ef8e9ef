/**
 * Import is fuzzed: thousands of malformed and hostile bundles (wrong types, huge strings,
 * prototype-pollution keys, wrong schema versions, arbitrary JSON) must never crash the
 * validator, must always come back with readable problems (a JSON path and a message), and
 * must never pollute Object.prototype. Nothing is written before this validation passes
 * (renderer/bundle/bundle-store.ts), so a rejected bundle cannot leave a partial write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { loadPack } from '../../../../core/content/loader';
import type { ContentPack } from '../../../../core/content/types';
import { validateBundleData, validateBundleText } from '../../../../renderer/bundle/validate-bundle';

let pack: ContentPack;
let base: Record<string, unknown>;
let paths: (string | number)[][];

function collectPaths(value: unknown, prefix: (string | number)[], out: (string | number)[][]): void {
  out.push(prefix);
  if (out.length > 3000 || prefix.length > 6) return;
  if (Array.isArray(value)) value.slice(0, 3).forEach((v, i) => collectPaths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collectPaths(v, [...prefix, k], out);
}

function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of at.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  Object.defineProperty(node, at.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function expectReadable(result: ReturnType<typeof validateBundleText>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path.length).toBeGreaterThan(0);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

beforeAll(() => {
  pack = loadPack(readPackFiles(defaultPackDir)).pack;
  const demo = JSON.parse(readFileSync(path.join(defaultPackDir, '..', 'demo', 'contoso-demo.demarc.json'), 'utf8')) as Record<string, unknown> & {
    inventory: { snapshots: unknown[]; resources: unknown[]; findings: unknown[] };
    risks: unknown[];
  };
  // a smaller valid bundle keeps thousands of runs fast
  base = { ...demo, inventory: { ...demo.inventory, resources: demo.inventory.resources.slice(0, 8), findings: demo.inventory.findings.slice(0, 8) }, risks: demo.risks.slice(0, 6) };
  expect(validateBundleData(base, pack).ok).toBe(true);
  paths = [];
  collectPaths(base, [], paths);
});

const hostileValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.constant('x'.repeat(1_100_000)),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constant({}),
  fc.constant([]),
);

describe('bundle import validation (fuzzed)', () => {
  it('survives a wrong value at any path and names the problem', () => {
    fc.assert(
      fc.property(fc.nat(), hostileValue, (pick, value) => {
        const at = paths[pick % paths.length]!;
        const mutated = setAt(base, at, value);
        const result = validateBundleText(JSON.stringify(mutated) ?? 'null', pack);
        expectReadable(result);
      }),
      { numRuns: 1000 },
    );
  }, 180_000);

  it('refuses prototype-pollution keys anywhere and never pollutes', () => {
    const text = JSON.stringify(base);
    const objectStarts = [...text.matchAll(/\{"/g)].map((m) => m.index);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), (pick, key) => {
        const at = objectStarts[pick % objectStarts.length]!;
        const hostile = `${text.slice(0, at + 1)}"${key}":{"polluted":true,"isAdmin":true},${text.slice(at + 1)}`;
        const result = validateBundleText(hostile, pack);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.some((e) => e.path.includes(key))).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses other schema versions and formats', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.constant(2), fc.constant(0)), (version) => {
        fc.pre(version !== 1);
        const result = validateBundleData({ ...base, schemaVersion: version }, pack);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.some((e) => e.path.startsWith('schemaVersion'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 200 })), (text) => {
        expectReadable(validateBundleText(text, pack));
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses deep nesting without a stack overflow', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const nested = { ...base, answers: JSON.parse(`{"SCOPE-MODELS":{"choices":[],"note":"x","evidence":${'['.repeat(2000)}${']'.repeat(2000)}}}`) };
    expectReadable(validateBundleText(deep, pack));
    const result = validateBundleData(nested, pack);
    expect(result.ok).toBe(false);
    expectReadable(result);
  });
});
