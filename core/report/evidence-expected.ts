import type { Condition, CountComparison, FieldCondition } from '../checks/condition-types';

/**
 * What a check expects of each field it reads, stated from its own condition, so evidence can
 * say "httpsOnly: false (expected: true)". A `failWhen` leaf is negated (the check fails on
 * it, so the expected value is its opposite); an `appliesWhen` leaf is stated as it is (the
 * resource is in scope because of it). A leaf under `not` flips.
 */

type Scalar = string | number | boolean | null;

/** A scalar as the report prints it: null is "not set". */
export function scalarText(v: Scalar | undefined): string {
  if (v === null || v === undefined) return 'not set';
  return String(v);
}

const orList = (values: readonly Scalar[]): string => values.map(scalarText).join(' or ');

/** The count comparison as words ("none", "at most 2"), negated when `negate`. */
function countText(c: CountComparison, negate: boolean): string {
  const n = (x: number): string => (x === 0 ? 'none' : String(x));
  const not = (x: number): string => (x === 0 ? 'at least one' : `not ${x}`);
  if (c.equals !== undefined) return negate ? not(c.equals) : n(c.equals);
  if (c.notEquals !== undefined) return negate ? n(c.notEquals) : not(c.notEquals);
  if (c.greater !== undefined) return negate ? (c.greater === 0 ? 'none' : `at most ${c.greater}`) : `more than ${c.greater}`;
  if (c.greaterOrEquals !== undefined) return negate ? `fewer than ${c.greaterOrEquals}` : `at least ${c.greaterOrEquals}`;
  if (c.less !== undefined) return negate ? `at least ${c.less}` : `fewer than ${c.less}`;
  if (c.lessOrEquals !== undefined) return negate ? `more than ${c.lessOrEquals}` : `at most ${c.lessOrEquals}`;
  return '';
}

/** "not A" or "neither A nor B". */
const noneOf = (values: readonly Scalar[]): string => (values.length === 1 ? `not ${scalarText(values[0]!)}` : `neither ${values.slice(0, -1).map(scalarText).join(', ')} nor ${scalarText(values[values.length - 1]!)}`);

/** A field condition's operator as words about the value; `negate` states its opposite. */
export function leafText(c: FieldCondition, negate: boolean): string {
  const pick = (yes: string, no: string): string => (negate ? no : yes);
  // "matching" only where a `where` filters the elements
  const m = c.where ? ' matching' : '';
  if (c.any) return pick(`at least one${m}`, `none${m}`);
  if (c.none) return pick(`none${m}`, `at least one${m}`);
  if (c.all) return pick(`all${m}`, `not all${m}`);
  if (c.count) return `${countText(c.count, negate)}${m}`;
  if (c.equals !== undefined) {
    if (c.equals === null) return pick('not set', 'set');
    // a missing boolean is not equal to either value, so it passes too
    if (typeof c.equals === 'boolean') return pick(String(c.equals), `${String(!c.equals)} (or not set)`);
    return pick(scalarText(c.equals), `not ${scalarText(c.equals)}`);
  }
  if (c.notEquals !== undefined) return c.notEquals === null ? pick('set', 'not set') : pick(`not ${scalarText(c.notEquals)}`, scalarText(c.notEquals));
  if (c.in !== undefined) return pick(orList(c.in), noneOf(c.in));
  if (c.notIn !== undefined) return pick(noneOf(c.notIn), orList(c.notIn));
  if (c.exists !== undefined) return c.exists !== negate ? 'set' : 'not set';
  if (c.greater !== undefined) return pick(`more than ${c.greater}`, `${c.greater} or less`);
  if (c.greaterOrEquals !== undefined) return pick(`${c.greaterOrEquals} or more`, `less than ${c.greaterOrEquals}`);
  if (c.less !== undefined) return pick(`less than ${c.less}`, `${c.less} or more`);
  if (c.lessOrEquals !== undefined) return pick(`${c.lessOrEquals} or less`, `more than ${c.lessOrEquals}`);
  if (c.contains !== undefined) return pick(`containing ${c.contains}`, `not containing ${c.contains}`);
  if (c.notContains !== undefined) return pick(`not containing ${c.notContains}`, `containing ${c.notContains}`);
  if (c.startsWith !== undefined) return pick(`starting with ${c.startsWith}`, `not starting with ${c.startsWith}`);
  if (c.endsWith !== undefined) return pick(`ending with ${c.endsWith}`, `not ending with ${c.endsWith}`);
  if (c.matches !== undefined) return pick(`matching ${c.matches}`, `not matching ${c.matches}`);
  if (c.coversPort !== undefined) {
    const ports = ([] as number[]).concat(c.coversPort).join(', ');
    return pick(`covering port ${ports}`, `not covering port ${ports}`);
  }
  if (c.nsgAllowsInbound) return pick('allowing the ports from the Internet', 'no rule allowing the ports from the Internet');
  return '';
}

/** "containing A and containing B" -> "containing A and B": the words the texts share said once. */
function joinTexts(texts: readonly string[], joiner: string): string {
  const unique = [...new Set(texts)];
  if (unique.length === 1) return unique[0]!;
  const first = unique[0]!.split(' ');
  let shared = 0;
  while (shared < first.length - 1 && unique.every((t) => t.split(' ')[shared] === first[shared])) shared++;
  const prefix = first.slice(0, shared).join(' ');
  const rest = unique.map((t) => t.split(' ').slice(shared).join(' '));
  // only a list of single values reads well after the shared words ("at least 2 and most 3" does not)
  if (rest.some((r) => r.includes(' '))) return unique.join(` ${joiner} `);
  const list = rest.length > 2 ? `${rest.slice(0, -1).join(', ')} ${joiner} ${rest[rest.length - 1]}` : rest.join(` ${joiner} `);
  return prefix ? `${prefix} ${list}` : list;
}

/**
 * Every leaf of a condition by the path it reads, as words: the expected value of a
 * `failWhen` (negate = true) or the scope of an `appliesWhen` (negate = false). A path read
 * by several leaves joins their texts with "and" (all must hold) or "or"; an existence test
 * next to a test of the value itself says less than the value test and is left out.
 */
export function expectedByPath(condition: Condition | undefined, negate: boolean): Map<string, string> {
  const leaves = new Map<string, { c: FieldCondition; neg: boolean; joiner: string }[]>();
  // negating "fails when all of A, B" gives "expected: not A or not B", and the reverse
  const walk = (c: Condition, neg: boolean, joiner: string): void => {
    if ('allOf' in c) for (const x of c.allOf) walk(x, neg, neg ? 'or' : 'and');
    else if ('anyOf' in c) for (const x of c.anyOf) walk(x, neg, neg ? 'and' : 'or');
    else if ('not' in c) walk(c.not, !neg, joiner);
    else leaves.set(c.field, [...(leaves.get(c.field) ?? []), { c, neg, joiner }]);
  };
  if (condition) walk(condition, negate, 'and');
  const out = new Map<string, string>();
  for (const [path, list] of leaves) {
    const valued = list.filter((l) => l.c.exists === undefined);
    const used = valued.length > 0 ? valued : list;
    const texts = used.map((l) => leafText(l.c, l.neg)).filter(Boolean);
    if (texts.length > 0) out.set(path, joinTexts(texts, used[used.length - 1]!.joiner));
  }
  return out;
}

/** List elements shown before a list is summarised by count. */
export const LIST_SHOWN = 8;

/** A list as "a, b, c" or, when long, "12: a, b, … and 4 more"; the whole list too when summarised. */
export function listText(elements: readonly string[], shown = LIST_SHOWN): { value: string; full?: string } {
  if (elements.length === 0) return { value: 'none' };
  const all = elements.join(', ');
  if (elements.length <= shown) return { value: all };
  return { value: `${elements.length}: ${elements.slice(0, shown).join(', ')} and ${elements.length - shown} more`, full: all };
}

