/**
 * The one rule for keys that JavaScript treats specially: inventory rows never keep a key
 * named `__proto__`, `constructor` or `prototype`, at any depth.
 *
 * Rows come from outside (Azure Resource Graph, inventory files, bundles). A `__proto__`
 * key written with `copy[key] = value` replaces the copy's prototype instead of becoming a
 * property, and zod drops it from records silently, so keeping such keys as data would hold
 * on some paths and not others. Every path that takes rows in or writes them out (Azure
 * pulls, JSON and CSV inventory files, bundle export and import) drops them with this module
 * and counts them, so the consultant is told and a pulled snapshot exports and imports
 * again unchanged. No Resource Graph property uses these names; a tag could, and is lost.
 */

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` is dropped from rows. */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/**
 * A JSON-like record: a plain object, or one whose prototype something upstream replaced
 * (an `obj[key] = value` copy that met `__proto__`), which is rebuilt as a plain object.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.toString.call(value) === '[object Object]';
}

function hasPlainPrototype(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Reserved keys in `value` (own keys), and whether any record has a foreign prototype. Not recursive: rows may nest deeply. */
function scan(value: unknown): { dropped: number; foreignPrototype: boolean } {
  let dropped = 0;
  let foreignPrototype = false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) for (const child of node) stack.push(child);
    else if (isRecord(node)) {
      if (!hasPlainPrototype(node)) foreignPrototype = true;
      for (const key of Object.keys(node)) {
        if (isReservedKey(key)) dropped++;
        else stack.push(node[key]);
      }
    }
  }
  return { dropped, foreignPrototype };
}

/**
 * A copy of `value` without reserved keys at any depth, or `value` itself when it has none
 * (most rows: no copy). The copy is rebuilt with `defineProperty` from own keys into plain
 * objects, so no key can reach a prototype and no replaced prototype is carried along.
 */
export function withoutReservedKeys<T>(value: T): { value: T; dropped: number } {
  const { dropped, foreignPrototype } = scan(value);
  return dropped === 0 && !foreignPrototype ? { value, dropped } : { value: copyWithout(value) as T, dropped };
}

function copyWithout(value: unknown): unknown {
  // Iterative: each container is copied once, children are filled in when they are reached;
  // pushed last-first, so keys keep their order (an exported row reads as it was pulled).
  const root: { value: unknown } = { value };
  const stack: { parent: Record<string | number, unknown>; key: string | number; node: unknown }[] = [{ parent: root as Record<string, unknown>, key: 'value', node: value }];
  while (stack.length > 0) {
    const { parent, key, node } = stack.pop()!;
    if (Array.isArray(node)) {
      const copy: unknown[] = new Array<unknown>(node.length);
      define(parent, key, copy);
      for (let i = node.length - 1; i >= 0; i--) stack.push({ parent: copy as unknown as Record<number, unknown>, key: i, node: node[i] });
    } else if (isRecord(node)) {
      const copy: Record<string, unknown> = {};
      define(parent, key, copy);
      const keys = Object.keys(node).filter((childKey) => !isReservedKey(childKey));
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ parent: copy, key: keys[i]!, node: node[keys[i]!] });
    } else define(parent, key, node);
  }
  return root.value;
}

function define(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every row without reserved keys, and how many were dropped in all. */
export function rowsWithoutReservedKeys<R extends Record<string, unknown>>(rows: readonly R[]): { rows: R[]; dropped: number } {
  let dropped = 0;
  const clean = rows.map((row) => {
    const result = withoutReservedKeys(row);
    dropped += result.dropped;
    return result.value;
  });
  return { rows: clean, dropped };
}

/** The note a snapshot or an import carries when keys were dropped (null when none were). */
export function reservedKeysNote(dropped: number): string | null {
  if (dropped === 0) return null;
  return `${dropped.toLocaleString('en')} key${dropped === 1 ? '' : 's'} named __proto__, constructor or prototype ${dropped === 1 ? 'was' : 'were'} dropped from the rows (Demarc never keeps these names).`;
}
