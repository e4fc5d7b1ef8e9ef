import type { Owner, RiskCategory, ServiceModel } from '../content/vocabulary';

/** Display labels for the shared vocabulary. */
export const OWNER_LABEL: Record<Owner | 'unknown', string> = {
  microsoft: 'Microsoft',
  customer: 'Customer',
  shared: 'Shared',
  unknown: 'Not determined',
};

export const MODEL_LABEL: Record<ServiceModel | 'unknown' | 'on-prem', string> = {
  iaas: 'IaaS',
  paas: 'PaaS',
  saas: 'SaaS',
  'on-prem': 'On-premises',
  unknown: 'Unclassified',
};

export const CATEGORY_LABEL: Record<RiskCategory, string> = {
  identity: 'Identity',
  'privileged-access': 'Privileged access',
  'data-protection': 'Data protection',
  network: 'Network',
  workload: 'Workload (IaaS)',
  'logging-detection': 'Logging and detection',
  'backup-recovery': 'Backup and recovery',
  governance: 'Governance',
  devsecops: 'DevSecOps',
  'third-party': 'Third parties',
  m365: 'Microsoft 365',
  'incident-response': 'Incident response',
  provider: 'Provider assurance',
};

export const TREATMENT_LABEL: Record<'mitigate' | 'accept' | 'transfer' | 'avoid', string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};

export const RESULT_LABEL: Record<'compliant' | 'partial' | 'non-compliant' | 'not-applicable', string> = {
  compliant: 'Compliant',
  partial: 'Partial',
  'non-compliant': 'Non-compliant',
  'not-applicable': 'Not applicable',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-11-29...` -> `29 November 2026` (no locale APIs: identical in Node and browsers). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** `2026-11-29T10:51:16Z` -> `29 November 2026 10:51 UTC`. */
export function longDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return longDate(iso);
  const zone = /Z$/.test(iso) ? ' UTC' : (/([+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? '');
  return `${longDate(m[1]!)} ${m[2]}${zone.startsWith(' ') ? zone : zone ? ` ${zone}` : ''}`;
}

/** Bookmark name of a risk's details: letters, digits and underscores, at most 40 characters. */
export const riskBookmark = (riskId: string): string => `risk_${riskId.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);

/** Days between two ISO dates (b - a), whole days. */
export function daysBetween(a: string, b: string): number {
  const pa = Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
  const pb = Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
  return Math.round((pb - pa) / 86_400_000);
}

/** Re-exported: the report and the risk messages share one pluralisation (core/text). */
export { counted } from '../text/counted';
