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
import { bundleToDump } from '../../../../renderer/bundle/bundle-mapping';
import { MAX_STRING_LENGTH, validateBundleData, validateBundleText } from '../../../../renderer/bundle/validate-bundle';

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

function getAt(root: unknown, at: (string | number)[]): unknown {
  let node = root;
  for (const seg of at) node = (node as Record<string | number, unknown>)[seg];
  return node;
}

/** Inventory rows are data from Azure and inventory files: the one place reserved keys are dropped, not refused. */
function isInsideRow(at: (string | number)[]): boolean {
  return at[0] === 'inventory' && at[1] === 'resources' && at[3] === 'row';
}

/** No object in `value` inherits anything but Object.prototype's members. */
function expectUnpolluted(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node)) expect([Object.prototype, null]).toContain(Object.getPrototypeOf(node));
    expect((node as Record<string, unknown>).polluted).toBeUndefined();
    stack.push(...Object.values(node));
  }
}

/** A refusal with at least one problem, each with a JSON path and a message. */
function expectReadable(result: ReturnType<typeof validateBundleText>): void {
  expect(result.ok).toBe(false);
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
  it('survives a wrong value at any path: names the problem, or accepts the value exactly as given', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), hostileValue, (pick, value) => {
        const at = paths[pick % paths.length]!;
        const mutated = setAt(base, at, value);
        const text = JSON.stringify(mutated) ?? 'null';
        const result = validateBundleText(text, pack);
        if (result.ok) {
          accepted++;
          // accepted only when the value fits where it was put: kept as the file has it, never coerced, never oversized
          expect(getAt(result.bundle, at)).toEqual(getAt(JSON.parse(text), at));
          expect(typeof value === 'string' && value.length > MAX_STRING_LENGTH).toBe(false);
        } else {
          refused++;
          expectReadable(result);
        }
      }),
      { numRuns: 1000 },
    );
    // both outcomes were exercised, so neither branch above passes by never running
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 180_000);

  it('drops reserved keys inside inventory rows, refuses them anywhere else, and no copy on the way takes them as a prototype', () => {
    const objectPaths = paths.filter((at) => {
      const node = getAt(base, at);
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const clean = validateBundleData(base, pack);
    if (!clean.ok) throw new Error('the base bundle is valid');
    let dropped = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), (pick, key) => {
        const at = objectPaths[pick % objectPaths.length]!;
        const text = JSON.stringify(setAt(base, [...at, key], { polluted: true, isAdmin: true }));
        expect(text).toContain(`"${key}":{"polluted":true`);
        const result = validateBundleText(text, pack);
        if (isInsideRow(at)) {
          dropped++;
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.droppedKeys).toBe(1);
          expect(result.bundle).toEqual(clean.bundle);
          // the import's own copies (rows into chunks, risks, contacts) hold no inherited member
          expectUnpolluted(bundleToDump(result.bundle, pack));
        } else {
          refused++;
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.errors.some((e) => e.path.includes(key))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(dropped).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
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
