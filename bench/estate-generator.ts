/**
 * Synthetic estate generator for benchmarks: N Resource Graph rows built from the check
 * fixtures (real ARM example shapes), spread over subscriptions, with ids, names and the
 * security-relevant properties varied by a seeded PRNG so every check sees both outcomes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Row = Record<string, unknown>;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every distinct row of the pack's fixtures, as templates. */
export function templateRows(fixturesDir: string): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const f of readdirSync(fixturesDir).sort()) {
    for (const row of JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Row[]) {
      const key = `${String(row.id)}|${JSON.stringify(row).length}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(row);
    }
  }
  return out;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Generates `count` rows over `subscriptions` subscriptions, deterministic for a seed. */
export function generateEstate(templates: readonly Row[], count: number, options: { subscriptions?: number; seed?: number } = {}): Row[] {
  const subs = Array.from({ length: options.subscriptions ?? 50 }, (_, i) => `${pad(i, 8)}-0000-4000-8000-${pad(i, 12)}`);
  const rnd = prng(options.seed ?? 42);
  const rows: Row[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const t = templates[Math.floor(rnd() * templates.length)]!;
    const sub = subs[Math.floor(rnd() * subs.length)]!;
    const text = JSON.stringify(t).replace(/\/subscriptions\/[0-9a-f-]{36}/g, `/subscriptions/${sub}`);
    const row = JSON.parse(text) as Row;
    const name = `${String(row.name)}-${i}`;
    row.id = `${String(row.id)}-${i}`;
    row.name = name;
    row.subscriptionId = sub;
    const props = row.properties as Record<string, unknown> | null;
    if (props && typeof props === 'object') {
      // flip a few common security switches so both outcomes occur at scale
      if ('supportsHttpsTrafficOnly' in props) props.supportsHttpsTrafficOnly = rnd() < 0.8;
      if ('enablePurgeProtection' in props || row.type === 'microsoft.keyvault/vaults') props.enablePurgeProtection = rnd() < 0.5;
      if ('publicNetworkAccess' in props) props.publicNetworkAccess = rnd() < 0.5 ? 'Enabled' : 'Disabled';
    }
    rows[i] = row;
  }
  return rows;
}
