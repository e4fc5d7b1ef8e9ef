import type { RatingFactors } from '../content/rating-factors';

export type Environment = 'production' | 'non-production';

/** Where an environment was read: shown in the rating reason so the consultant can check it. */
export interface EnvironmentEvidence {
  environment: Environment;
  /** `tag environment=dev` or `subscription "Contoso Dev"` */
  source: string;
}

type Rules = RatingFactors['impact']['nonProduction'];

const SUBSCRIPTION_TYPE = 'microsoft.resources/subscriptions';
const SUB_RE = /^\/subscriptions\/([^/]+)/i;

/** " non prod box " for "Non-Prod_box": words padded with spaces, for whole-word matching. */
function words(text: string): string {
  return ` ${text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join(' ')} `;
}

/** The environment a text names, non-production first ("non-prod" also contains "prod"). */
export function environmentOfText(text: string, rules: Rules): Environment | undefined {
  const w = words(text);
  if (rules.nonProduction.some((p) => w.includes(` ${p} `))) return 'non-production';
  if (rules.production.some((p) => w.includes(` ${p} `))) return 'production';
  return undefined;
}

/** Reads the environment tags of rows (tag names matched case-insensitively, compiled once). */
function tagReader(rules: Rules): (tags: unknown) => EnvironmentEvidence | undefined {
  const wanted = new Set(rules.tags.map((t) => t.toLowerCase()));
  return (tags) => {
    if (!tags || typeof tags !== 'object') return undefined;
    for (const key in tags as Record<string, unknown>) {
      const value = (tags as Record<string, unknown>)[key];
      if (!wanted.has(key.toLowerCase()) || typeof value !== 'string') continue;
      const environment = environmentOfText(value, rules);
      if (environment) return { environment, source: `tag ${key}=${value}` };
    }
    return undefined;
  };
}

function subscriptionName(row: Record<string, unknown>): string | undefined {
  const props = row.properties as Record<string, unknown> | undefined;
  const display = props && typeof props.displayName === 'string' ? props.displayName : undefined;
  return display ?? (typeof row.name === 'string' ? row.name : undefined);
}

/**
 * The environment of every resource of an inventory (Resource Graph rows) that shows one,
 * keyed by resource id as the rows (and so the findings) spell it: its own environment tag first, else its subscription's
 * (tag, then name). Resources that show none are left out: unknown is never guessed.
 */
export function environmentsOf(rows: Iterable<Record<string, unknown>>, rules: Rules): Map<string, EnvironmentEvidence> {
  const list = [...rows];
  const tagEnvironment = tagReader(rules);
  const subscriptions = new Map<string, EnvironmentEvidence>();
  for (const row of list) {
    if (typeof row.type !== 'string' || row.type.toLowerCase() !== SUBSCRIPTION_TYPE || typeof row.id !== 'string') continue;
    const sub = SUB_RE.exec(row.id)?.[1]?.toLowerCase();
    if (!sub) continue;
    const name = subscriptionName(row);
    const byName = name ? environmentOfText(name, rules) : undefined;
    const found = tagEnvironment(row.tags) ?? (byName && { environment: byName, source: `subscription "${name}"` });
    if (found) subscriptions.set(sub, found);
  }
  const out = new Map<string, EnvironmentEvidence>();
  for (const row of list) {
    if (typeof row.id !== 'string') continue;
    const own = tagEnvironment(row.tags);
    const sub = (SUB_RE.exec(row.id)?.[1] ?? (typeof row.subscriptionId === 'string' ? row.subscriptionId : undefined))?.toLowerCase();
    const found = own ?? (sub ? subscriptions.get(sub) : undefined);
    if (found) out.set(row.id, found);
  }
  // subscriptions themselves are resources of aggregate findings (`/subscriptions/<lower-case id>`)
  for (const [sub, found] of subscriptions) out.set(`/subscriptions/${sub}`, found);
  return out;
}
