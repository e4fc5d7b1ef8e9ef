import { evidenceFullText } from '../evidence-text';
import type { ReportModel } from '../types';
import { findingKey, type ModelContext } from './context';
import { findingEvidence, MAX_EVIDENCE_TEXT } from './risks';

/**
 * Every failing finding (one check on one resource) with its readable and its raw evidence
 * and the register risks it supports: the findings sheet of the register workbook, which
 * carries what the report summarises (the report lists up to 20 resources per check).
 */
export function findingRows(ctx: ModelContext): NonNullable<ReportModel['findingRows']> {
  const risksOf = new Map<string, string[]>();
  for (const r of ctx.bundle.risks)
    for (const ef of r.evidence.findings) {
      const key = findingKey(ef.checkId, ef.resourceId);
      risksOf.set(key, [...(risksOf.get(key) ?? []), r.id]);
    }
  return ctx.bundle.inventory.findings
    .filter((f) => f.status === 'fail')
    .map((f) => {
      const res = ctx.resourceById.get(f.resourceId);
      const detail = findingEvidence(ctx, f);
      return {
        checkId: f.checkId,
        checkTitle: ctx.clean(ctx.checkById.get(f.checkId)?.title ?? f.title),
        severity: f.severity,
        resource: ctx.cleanFoundName(f),
        resourceType: ctx.clean(f.resourceType),
        resourceGroup: ctx.clean(res?.resourceGroup ?? ''),
        subscription: ctx.clean(f.subscriptionId),
        resourceId: ctx.cleanFound(f, f.resourceId, MAX_EVIDENCE_TEXT),
        riskIds: risksOf.get(findingKey(f.checkId, f.resourceId)) ?? [],
        evidence: evidenceFullText(detail),
        raw: detail.raw,
      };
    });
}
