import type { Matrix } from '../../content/types';
import type { ServiceModel } from '../../content/vocabulary';
import { GREY_AREAS } from '../grey-areas';
import { MODEL_LABEL, OWNER_LABEL } from '../labels';
import type { MatrixView, ReportModel, RiskView } from '../types';
import { believeVsFound } from './believe-vs-found';
import type { ModelContext } from './context';
import { isSerious } from './current-risk';
import { identityEvidence } from './identity-evidence';
import { inScopeModels } from './scope';

type Section = ReportModel['sharedResponsibility'];
const MODELS = ['iaas', 'paas', 'saas'] as const;

/** A responsibility matrix with display labels. */
export function matrixView(m: Matrix): MatrixView {
  return {
    id: m.id,
    title: m.title,
    version: String(m.version),
    source: m.source,
    columns: m.columns.map((c) => MODEL_LABEL[c]),
    rows: m.rows.map((r) => ({ label: r.label, owners: m.columns.map((c) => (r.owners[c] ? OWNER_LABEL[r.owners[c]] : '—')) })),
  };
}

/** Cells where Microsoft's other matrix names a different owner than the one used. */
export function matrixDisagreements(used: Matrix, other: Matrix | undefined): Section['disagreements'] {
  if (!other) return [];
  const out: Section['disagreements'] = [];
  for (const row of used.rows) {
    const canonical = Object.entries(used.areaMap).find(([, v]) => v === row.id)?.[0];
    if (!canonical) continue;
    const otherRow = other.rows.find((r) => r.id === other.areaMap[canonical]);
    for (const m of MODELS) {
      const u = row.owners[m];
      const o = otherRow?.owners[m];
      if (u && o && u !== o) out.push({ area: row.label, model: MODEL_LABEL[m], used: OWNER_LABEL[u], other: OWNER_LABEL[o] });
    }
  }
  return out;
}

/** The client's risks placed on the matrix: per row and in-scope model, the ids raised there. */
export function clientRisksOnMatrix(ctx: ModelContext, models: readonly ServiceModel[]): Section['clientRisks'] {
  const { matrix } = ctx;
  // risks by matrix row, in register order
  const byRow = new Map<string, ModelContext['bundle']['risks']>();
  for (const r of ctx.bundle.risks) {
    const row = Object.hasOwn(matrix.areaMap, r.area) ? matrix.areaMap[r.area] : undefined;
    if (row === undefined) continue;
    const list = byRow.get(row);
    if (list) list.push(r);
    else byRow.set(row, [r]);
  }
  return matrix.rows.map((row) => ({
    area: row.label,
    cells: models.map((m) => {
      const here = (byRow.get(row.id) ?? []).filter((r) => r.serviceModels.length === 0 || r.serviceModels.includes(m));
      return {
        model: MODEL_LABEL[m],
        owner: row.owners[m] ? OWNER_LABEL[row.owners[m]] : '—',
        riskIds: here.map((r) => r.id),
        serious: here.filter((r) => isSerious(ctx, r.inherentLevel)).length,
      };
    }),
  }));
}

/** The common wrong assumptions about Microsoft's side, each with the risks raised from it. */
export function greyAreas(ctx: ModelContext): Section['greyAreas'] {
  const byTemplate = new Map<string, string[]>();
  for (const r of ctx.bundle.risks) {
    const ids = byTemplate.get(r.templateId);
    if (ids) ids.push(r.id);
    else byTemplate.set(r.templateId, [r.id]);
  }
  return GREY_AREAS.map((g) => ({
    assumption: g.assumption,
    reality: g.reality,
    clientAction: g.clientAction,
    riskIds: g.riskTemplates.flatMap((t) => byTemplate.get(t) ?? []).sort(),
  }));
}

/**
 * The shared responsibility section: what the client believes against what the inventory
 * shows, the matrix used, where the sources disagree, the client's risks, grey areas, and
 * which identity conclusions Microsoft Graph verifies.
 */
export function sharedResponsibility(ctx: ModelContext, risks: readonly RiskView[]): Section {
  const models = inScopeModels(ctx);
  return {
    believeVsFound: believeVsFound(ctx, risks),
    identityEvidence: identityEvidence(ctx),
    matrix: matrixView(ctx.matrix),
    ...(ctx.otherMatrix ? { otherMatrix: matrixView(ctx.otherMatrix) } : {}),
    disagreements: matrixDisagreements(ctx.matrix, ctx.otherMatrix),
    clientRisks: clientRisksOnMatrix(ctx, models),
    models: models.map((m) => MODEL_LABEL[m]),
    greyAreas: greyAreas(ctx),
  };
}
