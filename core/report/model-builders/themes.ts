import { themeOf, type RiskTheme } from '../../content/themes';
import type { Risk } from '../../risks/schema';
import { CATEGORY_LABEL } from '../labels';
import type { RiskView, ThemeView } from '../types';
import type { ModelContext } from './context';

/** The theme of risks no theme rule places (a consultant's own risk of an unusual kind). */
export const OTHER_THEME: RiskTheme = {
  id: 'other',
  title: 'Other risks',
  whyItMatters: 'Risks the assessment raised that fall outside the themes above.',
  match: {},
};

/**
 * The pack's themes, or (for a pack without `themes.yaml`) one theme per risk category, so
 * an older pack still gets a grouped report.
 */
export function packThemes(ctx: ModelContext): RiskTheme[] {
  const file = ctx.pack.themes;
  if (file) return file.themes;
  return (Object.keys(CATEGORY_LABEL) as (keyof typeof CATEGORY_LABEL)[]).map((c) => ({ id: c, title: CATEGORY_LABEL[c], whyItMatters: '', match: { categories: [c] } }));
}

/** The theme id of each risk (by template id, category and area; `other` when none matches). */
export function themeIdsOf(ctx: ModelContext, risks: readonly Risk[]): Map<string, string> {
  const themes = packThemes(ctx);
  return new Map(risks.map((r) => [r.id, (themeOf(themes, { id: r.templateId, category: r.category, area: r.area }) ?? OTHER_THEME).id]));
}

const compareIds = (x: RiskView, y: RiskView): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Most serious now first: current (inherent) level, likelihood × impact, then the risk touching
 * more resources, then id. The target (residual) rating plays no part: what is exposed today leads.
 */
export function byCurrentRisk(ctx: ModelContext): (x: RiskView, y: RiskView) => number {
  const order = (id: string): number => ctx.levelOf(id).order;
  return (x, y) =>
    order(y.inherent.level) - order(x.inherent.level) ||
    y.inherent.likelihood * y.inherent.impact - x.inherent.likelihood * x.inherent.impact ||
    y.affectedResourceCount - x.affectedResourceCount ||
    compareIds(x, y);
}

/** Plural names of common resource types, for "7 virtual machines"; others are "other resources". */
const TYPE_NAMES: Record<string, [string, string]> = {
  'microsoft.compute/virtualmachines': ['virtual machine', 'virtual machines'],
  'microsoft.compute/disks': ['managed disk', 'managed disks'],
  'microsoft.storage/storageaccounts': ['storage account', 'storage accounts'],
  'microsoft.keyvault/vaults': ['key vault', 'key vaults'],
  'microsoft.sql/servers': ['SQL server', 'SQL servers'],
  'microsoft.sql/servers/databases': ['SQL database', 'SQL databases'],
  'microsoft.web/sites': ['web app', 'web apps'],
  'microsoft.network/applicationgateways': ['application gateway', 'application gateways'],
  'microsoft.network/networksecuritygroups': ['network security group', 'network security groups'],
  'microsoft.network/virtualnetworks': ['virtual network', 'virtual networks'],
  'microsoft.network/publicipaddresses': ['public IP address', 'public IP addresses'],
  'microsoft.containerservice/managedclusters': ['Kubernetes cluster', 'Kubernetes clusters'],
  'microsoft.containerregistry/registries': ['container registry', 'container registries'],
  'microsoft.documentdb/databaseaccounts': ['Cosmos DB account', 'Cosmos DB accounts'],
  'microsoft.recoveryservices/vaults': ['Recovery Services vault', 'Recovery Services vaults'],
};

/** "a, b and c" */
const joinedList = (items: readonly string[], last: string): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`);
export const andList = (items: readonly string[]): string => joinedList(items, 'and');
const orList = (items: readonly string[]): string => joinedList(items, 'or');

/** "7 virtual machines and 1 application gateway" from resource types. */
export function countByType(types: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const t of types) {
    const key = TYPE_NAMES[t.toLowerCase()] ? t.toLowerCase() : 'other';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts]
    .sort((a, b) => (a[0] === 'other' ? 1 : b[0] === 'other' ? -1 : b[1] - a[1]))
    .map(([key, n]) => {
      const names = TYPE_NAMES[key] ?? ['other resource', 'other resources'];
      return `${n} ${n === 1 ? names[0] : names[1]}`;
    });
  return andList(parts);
}


/**
 * What the theme's risks touch of the client's business services: per service, the affected
 * resources by type and the risks naming them. Only what the inventory and the consultant's
 * service definitions show; nothing when the client named no service.
 */
export function serviceSentences(ctx: ModelContext, risks: readonly RiskView[]): string[] {
  if ((ctx.bundle.businessServices ?? []).length === 0) return [];
  const raw = new Map(ctx.bundle.risks.map((r) => [r.id, r]));
  const byService = new Map<string, { types: Map<string, string>; riskIds: string[] }>();
  for (const view of risks) {
    for (const resourceId of raw.get(view.id)?.evidence.affectedResources ?? []) {
      for (const service of ctx.servicesOf([resourceId])) {
        let s = byService.get(service);
        if (!s) byService.set(service, (s = { types: new Map(), riskIds: [] }));
        s.types.set(resourceId, ctx.resourceById.get(resourceId)?.type ?? '');
        if (!s.riskIds.includes(view.id)) s.riskIds.push(view.id);
      }
    }
  }
  const order = (ctx.bundle.businessServices ?? []).map((s) => ctx.clean(s.name));
  // said once for the chapter (themeServiceNote), not repeated in every theme that touches none
  if (byService.size === 0) return [];
  return [...byService]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([service, s]) => `For the ${service}, this theme concerns ${countByType([...s.types.values()])} (${andList(s.riskIds)}).`);
}

/** "9 risks: 2 Very high, 7 High (current rating); 3 verified in the inventory." */
export function themeCounts(ctx: ModelContext, risks: readonly RiskView[]): string {
  const parts = [...ctx.levels]
    .reverse()
    .map((l) => [l.label, risks.filter((r) => r.inherent.level === l.id).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  const verified = risks.filter((r) => r.evidenceStatus === 'verified' || r.evidenceStatus === 'contradicted').length;
  const seen = verified > 0 ? `; ${verified} confirmed by the inventory` : '';
  return `${risks.length} risk${risks.length === 1 ? '' : 's'}: ${parts.join(', ')} (current rating)${seen}.`;
}

/**
 * The chapter's one sentence on the themes that touch none of the client's business services
 * ("6 of the 10 themes have no risk the inventory ties to the LIMS or the Clinical data
 * platform"), instead of the same sentence in each of those themes.
 */
export function themeServiceNote(ctx: ModelContext, views: readonly ThemeView[]): string {
  const names = (ctx.bundle.businessServices ?? []).map((s) => `the ${ctx.clean(s.name)}`);
  const untied = views.filter((t) => t.services.length === 0).length;
  if (names.length === 0 || untied === 0) return '';
  // a negation takes "or": "none ... to the LIMS or the Clinical data platform"
  if (untied === views.length) return `The inventory ties none of the risks to ${orList(names)}.`;
  return `${untied} of the ${views.length} themes have no risk the inventory ties to ${orList(names)}; the others say in their introduction what they touch.`;
}

/** The register grouped into the pack's themes, in the pack's order; empty themes left out. */
export function themes(ctx: ModelContext, risks: readonly RiskView[]): ThemeView[] {
  const ids = themeIdsOf(ctx, ctx.bundle.risks);
  const sort = byCurrentRisk(ctx);
  return [...packThemes(ctx), OTHER_THEME]
    .map((t) => ({ theme: t, members: risks.filter((r) => ids.get(r.id) === t.id).sort(sort) }))
    .filter((t) => t.members.length > 0)
    .map(({ theme, members }) => ({
      id: theme.id,
      title: theme.title,
      whyItMatters: theme.whyItMatters,
      ownerRole: theme.ownerRole ?? '',
      counts: themeCounts(ctx, members),
      services: serviceSentences(ctx, members),
      risks: members,
    }));
}
