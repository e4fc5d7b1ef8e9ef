import type { Risk } from '../../risks/schema';
import type { RiskView, TopRisk } from '../types';
import { choiceLabels, type ModelContext } from './context';
import { byCurrentRisk } from './current-risk';

/** Risks the executive summary lists; the rest are in the roadmap and the register. */
export const TOP_RISK_COUNT = 10;

/** An Azure resource beneath a subscription (not the subscription, a tenant or a Graph object). */
const isAzureResource = (id: string): boolean => /\/providers\/[^/]+\/[^/]+\/[^/]+/i.test(id);

/**
 * The keys under which two risks are the same finding: the same set of failing checks, or the
 * same resources (two or more Azure resources, so a subscription-wide aggregate or a single
 * shared resource does not merge distinct weaknesses).
 */
export function sameFindingKeys(r: Risk): string[] {
  const keys: string[] = [];
  const checks = [...new Set(r.evidence.findings.map((f) => f.checkId))].sort();
  if (checks.length > 0) keys.push(`checks:${checks.join(',')}`);
  const resources = [...new Set(r.evidence.affectedResources.map((id) => id.toLowerCase()))].sort();
  if (resources.length >= 2 && resources.every(isAzureResource)) keys.push(`resources:${resources.join(',')}`);
  return keys;
}

/**
 * The top risks by current (inherent) rating, each finding once: a risk sharing a key with a
 * higher-ranked one is folded into it (its id shown beside the first) instead of taking a row.
 */
export function topRisks(ctx: ModelContext, risks: readonly RiskView[], count = TOP_RISK_COUNT): TopRisk[] {
  const source = new Map(ctx.bundle.risks.map((r) => [r.id, r]));
  const ranked = [...risks].sort(byCurrentRisk(ctx));
  const owner = new Map<string, TopRisk>();
  const out: TopRisk[] = [];
  for (const r of ranked) {
    const keys = sameFindingKeys(source.get(r.id)!);
    const first = keys.map((k) => owner.get(k)).find((t) => t !== undefined);
    if (first) {
      first.sameFinding.push(r.id);
      continue;
    }
    const entry: TopRisk = { risk: r, sameFinding: [] };
    for (const k of keys) owner.set(k, entry);
    out.push(entry);
  }
  return out.slice(0, count);
}

/** "High" -> "high", but "GxP data" and "EU" stay as written. */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The chosen labels of a scoping answer, each up to its colon ("High: core business…" -> "high"); undefined when unanswered or not in the pack. */
function shortAnswer(ctx: ModelContext, questionId: string): string | undefined {
  const ans = ctx.bundle.answers[questionId];
  const q = ctx.pack.questions.get(questionId);
  if (!q || !ans || ans.choices.length === 0) return undefined;
  const labels = ans.choices.map((c) => q.choices.find((x) => x.id === c)?.label ?? c).map((l) => lowerFirst(l.split(':')[0]!.trim()));
  return ctx.clean(labels.join(' and '));
}

/** The regulated data in scope as answered (none when "None of these" or not answered), with the consultant's note. */
function regulatedData(ctx: ModelContext): string | undefined {
  const ans = ctx.bundle.answers['SCOPE-REGULATED'];
  const choices = (ans?.choices ?? []).filter((c) => c !== 'none');
  if (choices.length === 0) return undefined;
  const labels = choiceLabels(ctx, 'SCOPE-REGULATED', choices).split('; ').map((l) => lowerFirst(l.replace(/\s*\(.*\)$/, '')));
  const said = ans?.note ? ctx.clean(ans.note).replace(/\.$/, '') : '';
  // a note with brackets of its own goes between dashes: "(Clinical trial data (GxP) …)" nests
  const note = !said ? '' : said.includes('(') ? ` — ${said} —` : ` (${said})`;
  return `${ctx.clean(labels.join(' and '))}${note}`;
}

/** "the LIMS (critical) and the Clinical data platform (high)". */
function serviceList(ctx: ModelContext): string | undefined {
  const services = ctx.bundle.businessServices ?? [];
  if (services.length === 0) return undefined;
  const names = services.map((s) => `${ctx.clean(s.name)}${s.criticality ? ` (${s.criticality})` : ''}`);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** How many of the risks touch each business service. */
function servicesAtRisk(ctx: ModelContext, risks: readonly RiskView[]): string | undefined {
  const services = (ctx.bundle.businessServices ?? []).map((s) => ctx.clean(s.name));
  const parts = services
    .map((name) => ({ name, n: risks.filter((r) => r.businessServices.includes(name)).length }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.n} ${p.n === 1 ? 'touches' : 'touch'} the ${p.name}`);
  return parts.length > 0 ? `Of the ${risks.length} risks, ${parts.join(' and ')}.` : undefined;
}

/**
 * The client's business in a few sentences, only from what was recorded: the sector (when the
 * scoping asked it), the regulated data and criticality answers, the named business services.
 * Nothing is said that the assessment did not record.
 */
export function businessFraming(ctx: ModelContext, risks: readonly RiskView[]): string[] {
  const client = ctx.clean(ctx.bundle.assessment.client);
  const sector = shortAnswer(ctx, 'SCOPE-SECTOR');
  const regulated = regulatedData(ctx);
  const criticality = shortAnswer(ctx, 'SCOPE-CRITICALITY');
  const services = serviceList(ctx);
  const out: string[] = [];
  const business = [sector ? `works in ${sector}` : '', regulated ? `holds ${regulated} in the cloud` : ''].filter(Boolean).join(' and ');
  if (business) out.push(`${client} ${business}.`);
  if (criticality || services) {
    const rated = criticality ? `rates its cloud workloads’ business criticality as ${criticality}` : '';
    const named = services ? `names ${services} as the business services that depend on them` : '';
    out.push(`It ${[rated, named].filter(Boolean).join(' and ')}.`);
  }
  const atRisk = servicesAtRisk(ctx, risks);
  if (atRisk) out.push(atRisk);
  return out;
}
