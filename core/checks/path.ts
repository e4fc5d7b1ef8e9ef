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
    if (typeof cur !== 'object') return undefined;
    const obj = cur as Record<string, unknown>;
    let next = obj[seg];
    if (next === undefined) {
      const lower = seg.toLowerCase();
      for (const key in obj) {
        if (key.toLowerCase() === lower) {
          next = obj[key];
          break;
        }
      }
    }
    cur = next;
  }
  return cur;
}
