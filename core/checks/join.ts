import type { JoinSpec } from '../content/schemas';
import { compileCondition, type CompiledCondition } from './evaluator';
import { readKey, splitPath } from './path';

/**
 * Cross-resource joins (`join:` on a resource check): rows of related types are indexed once
 * per check by the value at `their`, and each subject row gets the rows whose key matches one
 * of its own keys at `ours`. Keys are compared lower-cased; ARM ids are case-insensitive.
 */

type Row = unknown;

/** Reads a dot path, walking every element of each array met on the way (a numeric segment still indexes). */
export function readAll(root: unknown, segments: readonly string[]): unknown[] {
  let current: unknown[] = [root];
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        if (/^\d+$/.test(seg)) next.push(value[Number(seg)]);
        else for (const element of value) next.push(readKey(element, seg));
      } else next.push(readKey(value, seg));
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

const keysOf = (values: unknown[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '').map((v) => v.toLowerCase().replace(/\/+$/, ''))),
];

/**
 * The ARM ids an id sits within: `/a/b/c/d/e/f` -> itself, `/a/b/c/d`, `/a/b`. A child resource id
 * adds `/<type>/<name>` to its parent's, so stripping pairs of segments walks up the tree.
 */
export function idAndAncestors(id: string): string[] {
  const segments = id.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let n = segments.length; n >= 2; n -= 2) out.push(`/${segments.slice(0, n).join('/')}`);
  return out;
}

/** A join compiled for one check. */
export interface CompiledJoin {
  name: string;
  types: Set<string>;
  /** the keys of a related row; none for a row the join's `where` leaves out */
  keysOfRelated: (row: Row) => string[];
  keysOfSubject: (row: Row) => string[];
}

export function compileJoin(name: string, spec: JoinSpec): CompiledJoin {
  const their = splitPath(spec.their);
  const within = spec.match === 'within';
  const keep = spec.where ? compileCondition(spec.where, false) : undefined;
  const keysOfRelated = (row: Row): string[] => {
    if (keep && !keep(row, null)) return [];
    const keys = keysOf(readAll(row, their));
    return within ? [...new Set(keys.flatMap(idAndAncestors))] : keys;
  };
  let keysOfSubject: (row: Row) => string[];
  if (typeof spec.ours === 'string') {
    const ours = splitPath(spec.ours);
    keysOfSubject = (row) => keysOf(readAll(row, ours));
  } else {
    const path = splitPath(spec.ours.path);
    const value = spec.ours.value ? splitPath(spec.ours.value) : [];
    const where: CompiledCondition | undefined = spec.ours.where ? compileCondition(spec.ours.where, false) : undefined;
    keysOfSubject = (row) => {
      const kept = readAll(row, path).filter((element) => element !== null && element !== undefined && (!where || where(element, null)));
      return keysOf(kept.flatMap((element) => readAll(element, value)));
    };
  }
  return { name, types: new Set(spec.types), keysOfRelated, keysOfSubject };
}

/** Indexes the related rows of a join by each of their keys. */
export function indexJoin(join: CompiledJoin, rowsOfType: (type: string) => readonly Row[]): Map<string, Row[]> {
  const index = new Map<string, Row[]>();
  for (const type of join.types)
    for (const row of rowsOfType(type))
      for (const key of join.keysOfRelated(row)) {
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push(row);
      }
  return index;
}

/** The related rows of one subject: every row indexed under any of its keys, each once, in index order. */
export function joinedRows(join: CompiledJoin, index: Map<string, Row[]>, subject: Row): Row[] {
  const seen = new Set<Row>();
  const out: Row[] = [];
  for (const key of join.keysOfSubject(subject))
    for (const row of index.get(key) ?? [])
      if (!seen.has(row)) {
        seen.add(row);
        out.push(row);
      }
  return out;
}
