import { servicesByResource, servicesOfResources } from '../../bundle/business-services';
import type { AssessmentBundle } from '../../bundle/schema';
import type { Check, ContentPack, Matrix } from '../../content/types';
import { cleanUserText } from '../sanitize';
import type { ReportTemplate } from '../template';
import type { LevelInfo, Rating, ReportOptions } from '../types';

/** Longest cleaned text of a free-text field (notes, threats, recommendations). */
export const MAX_NOTE = 4000;
/** Longest cleaned name (resource, person, title). */
export const MAX_NAME = 300;

type Finding = AssessmentBundle['inventory']['findings'][number];
type Resource = AssessmentBundle['inventory']['resources'][number];

/**
 * What every model builder reads: the inputs, the cleaning function and the lookups built
 * once (levels, matrix, checks, findings and resources by key). Builders take this and
 * return their part of the report model, so each can be called (and tested) alone.
 */
export interface ModelContext {
  bundle: AssessmentBundle;
  pack: ContentPack;
  template: ReportTemplate;
  options: ReportOptions;
  /** mask tenant and subscription ids in client data */
  mask: boolean;
  /** untrusted text made safe for the document, at most `max` characters */
  clean: (s: unknown, max?: number) => string;
  /** the same for text of a finding: Microsoft Graph findings name people, masked with the ids */
  cleanFound: (f: { resourceType: string } | undefined, s: unknown, max?: number) => string;
  /** a finding's subject as the report names it (a Graph user by a pseudonym unless unmasked) */
  cleanFoundName: (f: { resourceType: string; resourceName: string; resourceId: string }) => string;
  /** risk levels, lowest first */
  levels: LevelInfo[];
  levelOf: (id: string) => LevelInfo;
  rating: (likelihood: number, impact: number, level: string) => Rating;
  /** the responsibility matrix the assessment uses */
  matrix: Matrix;
  /** Microsoft's other matrix, when the pack has one */
  otherMatrix: Matrix | undefined;
  /** the matrix row label of a canonical responsibility area */
  areaLabel: (area: string) => string;
  /** report date, ISO yyyy-mm-dd */
  reportDate: string;
  checkById: ReadonlyMap<string, Check>;
  findingByKey: ReadonlyMap<string, Finding>;
  resourceById: ReadonlyMap<string, Resource>;
  /** the client's business services (cleaned names) touched by these resources, in the order the consultant defined them */
  servicesOf: (resourceIds: readonly string[]) => string[];
}

/** The key of a finding: one check on one resource. */
export const findingKey = (checkId: string, resourceId: string): string => `${checkId}|${resourceId}`;

function pickMatrix(pack: ContentPack, matrixId: string): Matrix {
  const matrix = pack.matrices.get(matrixId) ?? pack.matrices.get(pack.header.defaultMatrix) ?? [...pack.matrices.values()][0];
  if (!matrix) throw new Error('the content pack has no responsibility matrix');
  return matrix;
}

/** Graph findings name people (user principal names): personal data, masked with the ids. */
function findingCleaners(mask: boolean, readableName: (resourceId: string) => string): Pick<ModelContext, 'cleanFound' | 'cleanFoundName'> {
  const cleanFound: ModelContext['cleanFound'] = (f, s, max = MAX_NAME) =>
    cleanUserText(s, { mask, max, personalData: f?.resourceType.startsWith('microsoft.graph/') ?? false });
  const cleanFoundName: ModelContext['cleanFoundName'] = (f) =>
    f.resourceType === 'microsoft.graph/users' && f.resourceName
      ? cleanUserText(f.resourceName, { mask, max: MAX_NAME, personalData: 'person' })
      : cleanFound(f, readableName(f.resourceId) || f.resourceName || f.resourceId);
  return { cleanFound, cleanFoundName };
}

/**
 * The name people know a resource by when its Azure name is only a GUID (a custom role's
 * roleName, a subscription's or Defender object's displayName), from its stored row; '' when
 * the resource has a readable name or none is stored. Without this the report would print the
 * GUID, masked, where the client's own name for the thing is known.
 */
function readableNames(resources: AssessmentBundle['inventory']['resources']): (resourceId: string) => string {
  const byId = new Map(resources.map((r) => [r.id.toLowerCase(), r]));
  return (resourceId) => {
    const r = byId.get(resourceId.toLowerCase());
    if (!r || !GUID_NAME.test(r.name)) return '';
    const p = r.row.properties;
    const props = typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {};
    const name = [props.roleName, props.displayName].find((v): v is string => typeof v === 'string' && v.trim() !== '');
    return name ?? '';
  };
}

const GUID_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds the context shared by the model builders. */
export function modelContext(bundle: AssessmentBundle, pack: ContentPack, template: ReportTemplate, options: ReportOptions): ModelContext {
  const mask = options.mask ?? true;
  const levels: LevelInfo[] = [...pack.riskMatrix.levels].sort((x, y) => x.order - y.order).map((l) => ({ id: l.id, label: l.label, order: l.order }));
  const levelById = new Map(levels.map((l) => [l.id, l]));
  const levelOf = (id: string): LevelInfo => levelById.get(id) ?? { id, label: id, order: 0 };
  const matrix = pickMatrix(pack, bundle.assessment.matrixId);
  const rowLabel = new Map(matrix.rows.map((r) => [r.id, r.label]));
  const findingByKey = new Map<string, Finding>();
  for (const f of bundle.inventory.findings) findingByKey.set(findingKey(f.checkId, f.resourceId), f);
  return {
    bundle,
    pack,
    template,
    options,
    mask,
    clean: (s, max = MAX_NAME) => cleanUserText(s, { mask, max }),
    ...findingCleaners(mask, readableNames(bundle.inventory.resources)),
    levels,
    levelOf,
    rating: (likelihood, impact, level) => ({ likelihood, impact, level, levelLabel: levelOf(level).label }),
    matrix,
    otherMatrix: [...pack.matrices.values()].find((m) => m.id !== matrix.id),
    areaLabel: (area) => {
      const row = matrix.areaMap[area];
      return (row !== undefined ? rowLabel.get(row) : undefined) ?? area;
    },
    reportDate: (options.date ?? bundle.exportedAt).slice(0, 10),
    checkById: new Map(pack.checks.map((c) => [c.id, c])),
    findingByKey,
    resourceById: new Map(bundle.inventory.resources.map((r) => [r.id, r])),
    servicesOf: businessServiceLookup(bundle, (s) => cleanUserText(s, { mask, max: MAX_NAME })),
  };
}

/** Names the client's business services a set of resources belongs to. */
function businessServiceLookup(bundle: AssessmentBundle, clean: (s: string) => string): ModelContext['servicesOf'] {
  const services = bundle.businessServices ?? [];
  if (services.length === 0) return () => [];
  const index = servicesByResource(services, bundle.inventory.resources);
  return (resourceIds) => servicesOfResources(index, resourceIds, services).map(clean);
}

/** The labels of chosen answers (the raw ids when the question is not in the pack). */
export function choiceLabels(ctx: ModelContext, questionId: string, choices: string[]): string {
  const q = ctx.pack.questions.get(questionId);
  if (!q) return ctx.clean(choices.join(', '));
  return choices.map((c) => q.choices.find((x) => x.id === c)?.label ?? c).join('; ');
}

/** The answer to a scoping question as text, or 'Not answered'. */
export function scopeAnswer(ctx: ModelContext, questionId: string): string {
  const ans = ctx.bundle.answers[questionId];
  return ans && ans.choices.length > 0 ? ctx.clean(choiceLabels(ctx, questionId, ans.choices), MAX_NOTE) : 'Not answered';
}
