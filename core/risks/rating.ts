import type { RatingFactors } from '../content/rating-factors';
import type { EnvironmentEvidence } from './environment';

export type Scale = 'likelihood' | 'impact';

/** One step the engine took from the template's baseline, with the reason a client can read. */
export interface RatingAdjustment {
  scale: Scale;
  /** which rule: scoping, non-production, exposure, breadth, answers */
  factor: string;
  from: number;
  to: number;
  /** "Impact 4 → 5: critical workloads and health data (scoping answers)" */
  reason: string;
}

/** The engine's rating of a risk: the template's baseline, the adjusted values and why. */
export interface Rating {
  baseline: { likelihood: number; impact: number };
  likelihood: number;
  impact: number;
  adjustments: RatingAdjustment[];
}

/** What the factors read about one risk (see {@link rateRisk}). */
export interface RatingInput {
  baseline: { likelihood: number; impact: number };
  /** scoping question id -> chosen choice ids */
  scoping: ReadonlyMap<string, readonly string[]>;
  /** the environment of each affected resource (undefined: not shown by tags or names) */
  environments: readonly (EnvironmentEvidence | undefined)[];
  /** exposure kind id -> how many affected resources are exposed that way */
  exposed: ReadonlyMap<string, number>;
  /** the weak answers behind the risk; they count only when no failing finding backs it */
  answers: readonly { result: 'partial' | 'non-compliant'; unknown: boolean }[];
}

const clamp = (n: number) => Math.min(5, Math.max(1, n));

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Applies steps in order, each clamped to 1..5, recording the ones that moved the value. */
class Ladder {
  readonly adjustments: RatingAdjustment[] = [];
  constructor(
    private readonly scale: Scale,
    public value: number,
  ) {}
  step(factor: string, by: number, why: string): void {
    const to = clamp(this.value + by);
    if (to === this.value) return;
    const label = this.scale === 'likelihood' ? 'Likelihood' : 'Impact';
    this.adjustments.push({ scale: this.scale, factor, from: this.value, to, reason: `${label} ${this.value} → ${to}: ${why}` });
    this.value = to;
  }
}

/** The scoping answers' step (clamped to the limit) and the phrases that explain it. */
export function scopingStep(factors: RatingFactors, scoping: RatingInput['scoping']): { step: number; says: string[] } {
  const parts: { step: number; says: string }[] = [];
  for (const f of factors.impact.scoping) {
    const chosen = (scoping.get(f.question) ?? []).map((id) => f.choices[id]).filter((c) => c !== undefined);
    if (chosen.length === 0) continue;
    // several choices (regulated data): the largest step speaks for the question
    parts.push(chosen.reduce((a, b) => (b.step > a.step ? b : a)));
  }
  const { raise, lower } = factors.impact.scopingLimit;
  const step = Math.min(raise, Math.max(-lower, parts.reduce((s, p) => s + p.step, 0)));
  const says = parts.filter((p) => Math.sign(p.step) === Math.sign(step) && p.step !== 0).map((p) => p.says);
  return { step, says };
}

function rateImpact(factors: RatingFactors, input: RatingInput): Ladder {
  const impact = new Ladder('impact', input.baseline.impact);
  const scoping = scopingStep(factors, input.scoping);
  if (scoping.step !== 0) impact.step('scoping', scoping.step, `${joinAnd(scoping.says)} (scoping answers)`);
  const envs = input.environments;
  if (envs.length > 0 && envs.every((e) => e?.environment === 'non-production')) {
    const sources = [...new Set(envs.map((e) => e!.source))];
    const shown = sources.length > 3 ? `${sources.slice(0, 3).join('; ')}; …` : sources.join('; ');
    const who = envs.length === 1 ? 'the affected resource is' : `all ${envs.length} affected resources are`;
    impact.step('non-production', factors.impact.nonProduction.step, `${who} non-production (${shown})`);
  }
  return impact;
}

function rateLikelihood(factors: RatingFactors, input: RatingInput): Ladder {
  const likelihood = new Ladder('likelihood', input.baseline.likelihood);
  // the strongest kind of exposure shown speaks for all (more exposure never lowers the step)
  let strongest: { step: number; says: string; count: number } | undefined;
  for (const kind of factors.likelihood.exposure) {
    const count = input.exposed.get(kind.id) ?? 0;
    if (count > 0 && (!strongest || kind.step > strongest.step)) strongest = { step: kind.step, says: kind.says, count };
  }
  if (strongest) likelihood.step('exposure', strongest.step, `${plural(strongest.count, 'resource')} ${strongest.says}`);
  const affected = input.environments.length;
  const { breadth, answers } = factors.likelihood;
  if (affected >= breadth.atLeast) likelihood.step('breadth', breadth.step, `${plural(affected, 'affected resource')} (${breadth.atLeast} or more)`);
  // answers speak only for risks no failing finding backs; "Don't know" never moves it
  const known = affected === 0 ? input.answers.filter((a) => !a.unknown) : [];
  if (known.length > 0) {
    const nonCompliant = known.some((a) => a.result === 'non-compliant');
    if (nonCompliant) likelihood.step('answers', answers.nonCompliant, 'the answers say the control is missing');
    else likelihood.step('answers', answers.partial, 'the answers say the control is partly in place');
  }
  return likelihood;
}

/**
 * The engine's rating: the template's baseline moved by the client's stakes (impact) and
 * the exposure evidence or the answers (likelihood), per `rating-factors.yaml`; every step
 * that moved a value is recorded with its reason. Without factors, the baseline stands.
 */
export function rateRisk(factors: RatingFactors | undefined, input: RatingInput): Rating {
  const baseline = { ...input.baseline };
  if (!factors) return { baseline, likelihood: baseline.likelihood, impact: baseline.impact, adjustments: [] };
  const impact = rateImpact(factors, input);
  const likelihood = rateLikelihood(factors, input);
  return { baseline, likelihood: likelihood.value, impact: impact.value, adjustments: [...impact.adjustments, ...likelihood.adjustments] };
}
