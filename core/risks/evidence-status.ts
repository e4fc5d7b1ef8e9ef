import { MANUAL_TEMPLATE_PREFIX } from './manual';
import type { EvidenceStatus, Risk } from './schema';

type StatusInputs = Pick<Risk, 'templateId' | 'evidence' | 'disagreements'> & { evidenceStatus?: EvidenceStatus | undefined };

/**
 * How a risk is known. A contradiction outranks everything (the client believes the control
 * is in place and it is not); failing inventory evidence makes it verified; answers alone,
 * reported. Risks stored before the field existed get it computed the same way.
 */
export function evidenceStatusOf(risk: StatusInputs): EvidenceStatus {
  if (risk.evidenceStatus) return risk.evidenceStatus;
  if (risk.templateId.startsWith(MANUAL_TEMPLATE_PREFIX)) return 'manual';
  if (risk.disagreements.length > 0) return 'contradicted';
  if (risk.evidence.findings.length > 0) return 'verified';
  return 'reported';
}

/** What the register and the report call each status, and what it means. */
export const EVIDENCE_STATUS_TEXT: Record<EvidenceStatus, { label: string; meaning: string }> = {
  verified: { label: 'Verified', meaning: 'Failing resources in the inventory show it.' },
  reported: { label: 'Reported', meaning: 'Known from the interview answers only; not checked against the inventory.' },
  contradicted: { label: 'Contradicted', meaning: 'An answer says the control is in place, but the inventory shows failing resources.' },
  manual: { label: 'Added by hand', meaning: 'Added by the consultant; no answer or finding raises it.' },
};

type RatingInputs = Pick<Risk, 'templateId' | 'likelihood' | 'impact' | 'rating'>;

/**
 * Why a risk is rated as it is, as sentences for the client: the engine's adjustments from
 * the template's baseline, and the consultant's scores where they replace the engine's.
 */
export function ratingBasis(risk: RatingInputs): string[] {
  if (risk.templateId.startsWith(MANUAL_TEMPLATE_PREFIX)) return ['Scored by the consultant when the risk was added.'];
  const rating = risk.rating;
  if (!rating) return ["The risk template's rating (assessed before rating adjustments were recorded)."];
  const out = [`Template baseline: likelihood ${rating.baseline.likelihood}, impact ${rating.baseline.impact}.`, ...rating.adjustments.map((a) => `${a.reason}.`)];
  const set = (['likelihood', 'impact'] as const).filter((s) => risk[s] !== rating[s]).map((s) => `${s} ${risk[s]} (engine: ${rating[s]})`);
  if (set.length > 0) out.push(`Set by the consultant: ${set.join(', ')}.`);
  return out;
}
