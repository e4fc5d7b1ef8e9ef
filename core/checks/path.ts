/** Splits a dot path once, at compile time. `.` (the element itself) becomes []. */
export function splitPath(path: string): string[] {
  return path === '.' ? [] : path.split('.');
}

/**
 * Reads a dot path from a row. Keys match exactly first, then case-insensitively (Resource
 * Graph mixes `Id` and `id`, `Status` and `status`); a numeric segment indexes an array.
 */
export function readPath(root: unknown, segments: readonly string[]): unknown {
  let cur: unknown = root;
  for (const seg of segments) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
      continue;
    }
    cur = readKey(cur, seg);
  }
  return cur;
}

/** One key of an object: exact first, then case-insensitive; undefined for anything but a plain object. */
export function readKey(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  if (obj[key] !== undefined) return obj[key];
  const lower = key.toLowerCase();
  for (const k in obj) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}
