import type { Condition, CountComparison, FieldCondition } from './condition-types';
import { nsgInboundExposures } from './nsg';
import { parsePortSpec, rangesCover } from './ports';
import { readPath, splitPath } from './path';

/** Property path (dot notation from the row root) -> value seen. */
export type Evidence = Record<string, unknown>;

/** A compiled condition: evaluates a row, recording what it read into `evidence` when given. */
export type CompiledCondition = (root: unknown, evidence: Evidence | null) => boolean;

const lowerIfString = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : v);

/** Equality with Azure's habits: strings compare case-insensitively, "True"/"False" strings equal booleans, missing equals null. */
export function looseEquals(value: unknown, expected: unknown): boolean {
  if (expected === null) return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (typeof expected === 'string' && typeof value === 'string') return value.toLowerCase() === expected.toLowerCase();
  if (typeof expected === 'boolean' && typeof value === 'string') return value.toLowerCase() === String(expected);
  if (typeof expected === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value) === expected;
  if (typeof expected === 'string' && typeof value === 'number') return expected.trim() !== '' && Number(expected) === value;
  return value === expected;
}

function toOrderable(v: unknown): number | string | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    return v.trim() !== '' && !Number.isNaN(n) ? n : v.toLowerCase();
  }
  return undefined;
}

function compare(value: unknown, bound: number | string): number | undefined {
  const a = toOrderable(value);
  const b = toOrderable(bound);
  if (a === undefined || b === undefined || typeof a !== typeof b) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

function countMatches(n: number, c: CountComparison): boolean {
  if (c.equals !== undefined) return n === c.equals;
  if (c.notEquals !== undefined) return n !== c.notEquals;
  if (c.greater !== undefined) return n > c.greater;
  if (c.greaterOrEquals !== undefined) return n >= c.greaterOrEquals;
  if (c.less !== undefined) return n < c.less;
  if (c.lessOrEquals !== undefined) return n <= c.lessOrEquals;
  return false;
}

/** Rows are summarised by id in evidence; other elements are kept as they are. */
function evidenceElement(e: unknown): unknown {
  if (e && typeof e === 'object' && !Array.isArray(e)) {
    const o = e as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.type === 'string' && 'subscriptionId' in o) return o.id;
  }
  return e;
}

function record(evidence: Evidence | null, path: string, value: unknown): void {
  if (evidence) evidence[path] = value === undefined ? null : value;
}

/** Compiles a condition once so that evaluating it over 100k rows costs no parsing. */
export function compileCondition(condition: Condition, recordEvidence = true): CompiledCondition {
  if ('allOf' in condition) {
    const parts = condition.allOf.map((c) => compileCondition(c, recordEvidence));
    return (root, ev) => {
      for (const p of parts) if (!p(root, ev)) return false;
      return true;
    };
  }
  if ('anyOf' in condition) {
    const parts = condition.anyOf.map((c) => compileCondition(c, recordEvidence));
    return (root, ev) => {
      for (const p of parts) if (p(root, ev)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, recordEvidence);
    return (root, ev) => !inner(root, ev);
  }
  return compileField(condition, recordEvidence);
}

function compileField(c: FieldCondition, recordEvidence: boolean): CompiledCondition {
  const segs = splitPath(c.field);
  const path = c.field;
  const rec = recordEvidence;

  // Quantifiers over an array field
  if (c.any || c.all || c.none || c.count) {
    const where = c.where ? compileCondition(c.where, false) : undefined;
    return (root, ev) => {
      const raw = readPath(root, segs);
      const arr = Array.isArray(raw) ? raw : [];
      const matched = where ? arr.filter((e) => where(e, null)) : arr;
      if (rec && ev) ev[path] = matched.map(evidenceElement);
      if (c.any) return matched.length > 0;
      if (c.none) return matched.length === 0;
      if (c.all) return matched.length === arr.length;
      return countMatches(matched.length, c.count!);
    };
  }

  if (c.nsgAllowsInbound) {
    const q = c.nsgAllowsInbound;
    const prefix = path === '.' ? '' : `${path}.`;
    return (root, ev) => {
      const value = readPath(root, segs);
      const exposures = nsgInboundExposures(value, q);
      if (exposures === undefined) {
        if (rec) record(ev, `${prefix}securityRules`, 'unreadable port specification: review by hand');
        return true;
      }
      if (rec && ev) {
        ev[`${prefix}securityRules`] = exposures.filter((e) => !e.defaultRule).map((e) => e.rule);
        const defaults = exposures.filter((e) => e.defaultRule);
        if (defaults.length > 0) ev[`${prefix}defaultSecurityRules`] = defaults.map((e) => e.rule);
      }
      return exposures.length > 0;
    };
  }

  const test = valueTest(c);
  return (root, ev) => {
    const value = readPath(root, segs);
    if (rec) record(ev, path, value);
    return test(value);
  };
}

function valueTest(c: FieldCondition): (value: unknown) => boolean {
  if (c.equals !== undefined) {
    const e = c.equals;
    return (v) => looseEquals(v, e);
  }
  if (c.notEquals !== undefined) {
    const e = c.notEquals;
    return (v) => !looseEquals(v, e);
  }
  if (c.in !== undefined) {
    const list = c.in;
    return (v) => list.some((e) => looseEquals(v, e));
  }
  if (c.notIn !== undefined) {
    const list = c.notIn;
    return (v) => !list.some((e) => looseEquals(v, e));
  }
  if (c.exists !== undefined) {
    const want = c.exists;
    return (v) => (v !== undefined && v !== null) === want;
  }
  if (c.greater !== undefined) {
    const b = c.greater;
    return (v) => compare(v, b) === 1;
  }
  if (c.greaterOrEquals !== undefined) {
    const b = c.greaterOrEquals;
    return (v) => {
      const r = compare(v, b);
      return r === 1 || r === 0;
    };
  }
  if (c.less !== undefined) {
    const b = c.less;
    return (v) => compare(v, b) === -1;
  }
  if (c.lessOrEquals !== undefined) {
    const b = c.lessOrEquals;
    return (v) => {
      const r = compare(v, b);
      return r === -1 || r === 0;
    };
  }
  if (c.contains !== undefined || c.notContains !== undefined) {
    const needle = (c.contains ?? c.notContains)!.toLowerCase();
    const positive = c.contains !== undefined;
    return (v) => {
      let hit = false;
      if (typeof v === 'string') hit = v.toLowerCase().includes(needle);
      else if (Array.isArray(v)) hit = v.some((e) => lowerIfString(e) === needle);
      return positive ? hit : !hit;
    };
  }
  if (c.startsWith !== undefined) {
    const s = c.startsWith.toLowerCase();
    return (v) => typeof v === 'string' && v.toLowerCase().startsWith(s);
  }
  if (c.endsWith !== undefined) {
    const s = c.endsWith.toLowerCase();
    return (v) => typeof v === 'string' && v.toLowerCase().endsWith(s);
  }
  if (c.matches !== undefined) {
    const re = new RegExp(c.matches, 'i');
    return (v) => typeof v === 'string' && re.test(v);
  }
  if (c.coversPort !== undefined) {
    const ports = Array.isArray(c.coversPort) ? c.coversPort : [c.coversPort];
    return (v) => {
      const ranges = parsePortSpec(v);
      return ranges !== undefined && ports.some((p) => rangesCover(ranges, p));
    };
  }
  throw new Error(`condition on '${c.field}' has no operator`);
}

/** Evaluates a condition once (compiles on the fly); for tests and one-off use. */
export function evaluateCondition(condition: Condition, root: unknown): { result: boolean; evidence: Evidence } {
  const evidence: Evidence = {};
  const result = compileCondition(condition)(root, evidence);
  return { result, evidence };
}
