import type { AssessmentBundle } from '../bundle/schema';
import type { ContentPack } from '../content/types';
import { buildIrPlan } from './ir-plan';
import { interviewLog, references, riskMatrixView, technicalEvidence } from './model-builders/appendices';
import { modelContext } from './model-builders/context';
import { documentControl, documentIdentity, documentMeta, placeholderValues } from './model-builders/meta';
import { heatMap, posture, priorities, responsibility, roadmap } from './model-builders/posture';
import { byRoadmap, bySeverity, riskView } from './model-builders/risks';
import { environment, scope } from './model-builders/scope';
import { findingRows } from './model-builders/finding-rows';
import { providerCommitments } from './model-builders/provider-commitments';
import { sharedResponsibility } from './model-builders/shared-responsibility';
import { actNow } from './model-builders/act-now';
import { roadmapPlan } from './model-builders/roadmap-plan';
import { businessFraming, topRisks } from './model-builders/summary';
import { themes, themeServiceNote } from './model-builders/themes';
import type { ReportTemplate } from './template';
import type { IrPlanModel, ReportModel, ReportOptions } from './types';

export type { ActNowItem, DocumentControl, FindingRow, HeatMap, Horizon, IrPlanModel, LevelInfo, MatrixView, PlanItem, PlanPhase, Rating, ReportDepth, ReportModel, ReportOptions, RiskView, ThemeView } from './types';
export { HORIZON_LABEL } from './model-builders/posture';

/**
 * Builds the report model from an assessment bundle, its content pack and a template.
 * Pure: no I/O, deterministic for the same inputs (the date comes from the bundle or options).
 * Each part comes from a builder in `model-builders/` that takes the shared context.
 */
export function buildReportModel(bundle: AssessmentBundle, pack: ContentPack, template: ReportTemplate, options: ReportOptions = {}): ReportModel {
  const ctx = modelContext(bundle, pack, template, options);
  const risks = bundle.risks.map((r) => riskView(ctx, r));
  const sortedRisks = [...risks].sort(bySeverity(ctx));
  const byHorizon = priorities([...risks].sort(byRoadmap(ctx)));
  const postureView = posture(ctx, risks);
  const responsibilityView = responsibility(risks, sortedRisks);
  const identity = documentIdentity(ctx);
  const themeViews = themes(ctx, risks);
  const placeholders = placeholderValues(ctx, identity, risks, postureView, responsibilityView.counts);
  const top = topRisks(ctx, risks);

  const model: ReportModel = {
    placeholders,
    meta: documentMeta(ctx, identity, placeholders),
    documentControl: documentControl(ctx, identity, placeholders.preparedBy),
    levels: ctx.levels,
    riskMatrix: riskMatrixView(ctx),
    posture: postureView,
    heatmaps: { inherent: heatMap(risks, (r) => r.inherent), residual: heatMap(risks, (r) => r.residual) },
    topRisks: top.map((t) => t.risk),
    summary: { framing: businessFraming(ctx, risks), topRisks: top },
    actNow: actNow(ctx, risks),
    responsibility: responsibilityView,
    priorities: byHorizon,
    scope: scope(ctx),
    environment: environment(ctx),
    sharedResponsibility: sharedResponsibility(ctx, risks),
    providerCommitments: providerCommitments(ctx),
    risks,
    roadmap: roadmap(byHorizon),
    depth: options.depth ?? bundle.deliverable?.depth ?? 'standard',
    themes: themeViews,
    themeServiceNote: themeServiceNote(ctx, themeViews),
    plan: roadmapPlan(ctx, themeViews),
    // the IR plan reads the rest of the model, so it is built last
    irPlan: undefined as unknown as IrPlanModel,
    interviewLog: interviewLog(ctx),
    evidence: technicalEvidence(ctx),
    references: references(ctx),
    acceptedRisks: sortedRisks.filter((r) => r.treatment === 'Accept'),
    findingRows: findingRows(ctx),
  };
  model.irPlan = buildIrPlan({ bundle, pack, risks: sortedRisks, clean: ctx.clean, model });
  return model;
}
