import { findingEvidence } from './risks';
import type { ServiceModel } from '../../content/vocabulary';
import { interviewProgress, scopeModels, visibleQuestions } from '../../interview/flow';
import { longDateTime, MODEL_LABEL } from '../labels';
import type { ReportModel } from '../types';
import { MAX_NOTE, scopeAnswer, type ModelContext } from './context';
import { engagementDates, workshopAttendees } from './engagement';

/**
 * What has no location of its own (role assignments, Defender plans, the subscription itself):
 * not a region, and not Azure's `global` location either, which services such as Front Door use.
 */
export const NO_REGION = 'no region (subscription or tenant level)';

/** Regions by count, then what has none. */
function regionsThenNone(counts: [string, number][]): [string, number][] {
  return [...counts.filter(([r]) => r !== NO_REGION), ...counts.filter(([r]) => r === NO_REGION)];
}

type Snapshot = ModelContext['bundle']['inventory']['snapshots'][number];

/** The service models in scope: recorded on the assessment, else from the scoping answers, else all three. */
export function inScopeModels(ctx: ModelContext): ServiceModel[] {
  const { assessment } = ctx.bundle;
  const models = assessment.scope.serviceModels.length > 0 ? assessment.scope.serviceModels : (scopeModels(ctx.bundle.answers) ?? []);
  return models.length > 0 ? models : ['iaas', 'paas', 'saas'];
}

/** Inventory snapshots, newest first. */
export function snapshotsNewestFirst(ctx: ModelContext): Snapshot[] {
  return [...ctx.bundle.inventory.snapshots].sort((x, y) => (x.takenAt < y.takenAt ? 1 : -1));
}

/** When the latest Azure inventory was taken, or that none was collected (a Microsoft Graph snapshot reads the tenant, not the estate). */
export function snapshotTime(ctx: ModelContext): string {
  const latest = snapshotsNewestFirst(ctx).find((s) => s.source !== 'graph-pull' && s.source !== 'graph-import');
  return latest ? longDateTime(latest.takenAt) : 'No inventory was collected';
}

/** Subscriptions in scope: recorded on the assessment and seen in the inventory (uncleaned, sorted). */
export function subscriptionsInScope(ctx: ModelContext): string[] {
  const { assessment, inventory } = ctx.bundle;
  return [...new Set([...assessment.scope.subscriptions, ...inventory.resources.map((r) => r.subscriptionId).filter((s) => s !== '')])].sort();
}

/**
 * A subscription as the report names it: its display name with the (masked) id when the
 * inventory read the subscription, else the id alone. Masked ids keep only their last
 * characters, so two subscriptions could otherwise print as the same id.
 */
export function subscriptionLabel(ctx: ModelContext, subscriptionId: string): string {
  const name = subscriptionDisplayName(ctx, subscriptionId);
  return name ? `${ctx.clean(name)} (${ctx.clean(subscriptionId)})` : ctx.clean(subscriptionId);
}

/** A subscription by its display name where the inventory read it, else by its (masked) id: for lists where the ids add nothing. */
export function subscriptionName(ctx: ModelContext, subscriptionId: string): string {
  return ctx.clean(subscriptionDisplayName(ctx, subscriptionId) || subscriptionId);
}

function subscriptionDisplayName(ctx: ModelContext, subscriptionId: string): string {
  const stored = ctx.resourceById.get(`/subscriptions/${subscriptionId}`);
  return stored && stored.type.toLowerCase() === 'microsoft.resources/subscriptions' && stored.name !== subscriptionId ? stored.name : '';
}

/** The scope section: service models, scoping answers, subscriptions, interview coverage. */
export function scope(ctx: ModelContext): ReportModel['scope'] {
  const { clean, bundle, pack } = ctx;
  const progress = interviewProgress(pack, bundle.answers);
  return {
    serviceModels: inScopeModels(ctx).map((m) => MODEL_LABEL[m]),
    m365: scopeAnswer(ctx, 'SCOPE-M365'),
    otherClouds: scopeAnswer(ctx, 'SCOPE-OTHER-CLOUDS'),
    regulated: scopeAnswer(ctx, 'SCOPE-REGULATED'),
    criticality: scopeAnswer(ctx, 'SCOPE-CRITICALITY'),
    subscriptions: subscriptionsInScope(ctx).map((s) => subscriptionLabel(ctx, s)),
    notes: clean(bundle.assessment.scope.notes ?? '', MAX_NOTE),
    engagementDates: engagementDates(ctx),
    attendees: workshopAttendees(ctx),
    questionsAnswered: progress.answered,
    questionsVisible: progress.total,
    questionsNotApplicable: visibleQuestions(pack, bundle.answers).flatMap((d) => d.questions).filter((q) => bundle.answers[q.id]?.notApplicable === true).length,
    domains: progress.domains.map((d) => d.title),
    snapshotTime: snapshotTime(ctx),
    packTitle: pack.header.title,
    packVersion: pack.header.version,
  };
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
/** Largest count first, then by key. */
const sortCounts = (m: Map<string, number>): [string, number][] => [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));

const SEVERITY_RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Failing checks with their count and up to three example resources, most severe and widespread first. */
export function exposure(ctx: ModelContext): ReportModel['environment']['exposure'] {
  const failingByCheck = new Map<string, ModelContext['bundle']['inventory']['findings']>();
  for (const f of ctx.bundle.inventory.findings) {
    if (f.status !== 'fail') continue;
    const list = failingByCheck.get(f.checkId);
    if (list) list.push(f);
    else failingByCheck.set(f.checkId, [f]);
  }
  return [...failingByCheck]
    .map(([checkId, failing]) => {
      const check = ctx.checkById.get(checkId);
      // a Defender alert or recommendation by its display name, not its id
      const exampleName = (f: (typeof failing)[number]): string => {
        const item = findingEvidence(ctx, f).items[0];
        return item ? item.name : ctx.cleanFoundName(f);
      };
      const examples = failing.slice(0, 3).map(exampleName).join(', ');
      return { checkId, title: ctx.clean(check?.title ?? checkId), severity: check?.severity ?? '', failing: failing.length, examples };
    })
    .sort((x, y) => (SEVERITY_RANK[y.severity] ?? 0) - (SEVERITY_RANK[x.severity] ?? 0) || y.failing - x.failing || x.checkId.localeCompare(y.checkId));
}

/** The environment overview: resources by type, region and service model, exposure, check totals. */
export function environment(ctx: ModelContext): ReportModel['environment'] {
  const { clean } = ctx;
  const { resources, findings } = ctx.bundle.inventory;
  const typeModel = new Map(resources.map((r) => [r.type.toLowerCase(), r.serviceModel]));
  const totals = countBy(findings, (f) => f.status);
  return {
    resourceCount: resources.length,
    subscriptionCount: subscriptionsInScope(ctx).length,
    resourceGroupCount: new Set(resources.map((r) => `${r.subscriptionId}/${r.resourceGroup.toLowerCase()}`)).size,
    byType: sortCounts(countBy(resources, (r) => r.type.toLowerCase())).map(([type, count]) => ({ type: clean(type), model: MODEL_LABEL[typeModel.get(type) ?? 'unknown'], count })),
    byRegion: regionsThenNone(sortCounts(countBy(resources, (r) => r.location || NO_REGION))).map(([region, count]) => ({ region: clean(region), count })),
    byModel: sortCounts(countBy(resources, (r) => r.serviceModel)).map(([m, count]) => ({ model: MODEL_LABEL[m as ServiceModel] ?? m, count })),
    exposure: exposure(ctx),
    findingTotals: { pass: totals.get('pass') ?? 0, fail: totals.get('fail') ?? 0, notApplicable: totals.get('not-applicable') ?? 0 },
  };
}
