/** Inclusive port interval. */
export interface PortRange {
  from: number;
  to: number;
}

const ALL: PortRange = { from: 0, to: 65535 };

/**
 * Parses an NSG port expression: `*`, `3389`, `3380-3390` (or an array of them).
 * Returns undefined for anything it cannot read, so callers never guess.
 */
export function parsePortSpec(spec: unknown): PortRange[] | undefined {
  if (spec === undefined || spec === null) return [];
  if (Array.isArray(spec)) {
    const out: PortRange[] = [];
    for (const s of spec) {
      const r = parsePortSpec(s);
      if (!r) return undefined;
      out.push(...r);
    }
    return out;
  }
  if (typeof spec === 'number' && Number.isInteger(spec)) return [{ from: spec, to: spec }];
  if (typeof spec !== 'string') return undefined;
  const s = spec.trim();
  if (s === '*' || s.toLowerCase() === 'any') return [ALL];
  if (s === '') return [];
  const parts = s.split(',').map((x) => x.trim());
  if (parts.length > 1) return parsePortSpec(parts);
  const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(s);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > 65535 || to > 65535 || to < from) return undefined;
  return [{ from, to }];
}

/** True when any of the ranges contains the port. */
export function rangesCover(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some((r) => r.from <= port && port <= r.to);
}

/** `a` minus the union of `b`, as sorted disjoint intervals. */
export function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let current = normalise(a);
  for (const cut of normalise(b)) {
    const next: PortRange[] = [];
    for (const r of current) {
      if (cut.to < r.from || cut.from > r.to) next.push(r);
      else {
        if (cut.from > r.from) next.push({ from: r.from, to: cut.from - 1 });
        if (cut.to < r.to) next.push({ from: cut.to + 1, to: r.to });
      }
    }
    current = next;
  }
  return current;
}

/** `a` restricted to the given ports (each port a unit interval). */
export function intersectPorts(a: readonly PortRange[], ports: readonly number[]): PortRange[] {
  return normalise(ports.filter((p) => rangesCover(a, p)).map((p) => ({ from: p, to: p })));
}

function normalise(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((x, y) => x.from - y.from);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** Formats ranges for evidence: `22, 3380-3390`. */
export function formatRanges(ranges: readonly PortRange[]): string {
  return ranges.map((r) => (r.from === 0 && r.to === 65535 ? '*' : r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)).join(', ');
}
