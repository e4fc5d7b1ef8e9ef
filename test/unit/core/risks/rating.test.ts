import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { loadPack } from '../../../../core/content/loader';
import type { EnvironmentEvidence } from '../../../../core/risks/environment';
import { rateRisk, type RatingInput } from '../../../../core/risks/rating';

const { pack } = loadPack(readPackFiles(defaultPackDir));
const factors = pack.ratingFactors!;

const CRITICALITY = ['low', 'medium', 'high', 'critical'] as const;
const REGULATED = ['none', 'personal-data', 'payment-cards', 'health', 'financial', 'government'] as const;
const nonProd: EnvironmentEvidence = { environment: 'non-production', source: 'tag environment=dev' };
const prod: EnvironmentEvidence = { environment: 'production', source: 'tag environment=prod' };

const score = fc.integer({ min: 1, max: 5 });
const environment = fc.constantFrom<EnvironmentEvidence | undefined>(nonProd, prod, undefined);
const answer = fc.record({ result: fc.constantFrom<'partial' | 'non-compliant'>('partial', 'non-compliant'), unknown: fc.boolean() });
const kinds = factors.likelihood.exposure.map((k) => k.id);

/** Any combination the factors read: baseline, scoping answers, environments, exposure, answers. */
const inputs = fc.record({
  likelihood: score,
  impact: score,
  criticality: fc.option(fc.constantFrom(...CRITICALITY), { nil: undefined }),
  regulated: fc.subarray([...REGULATED]),
  environments: fc.array(environment, { maxLength: 14 }),
  exposed: fc.array(fc.nat({ max: 14 }), { minLength: kinds.length, maxLength: kinds.length }),
  answers: fc.array(answer, { maxLength: 3 }),
});
type Case = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

function input(c: Case): RatingInput {
  return {
    baseline: { likelihood: c.likelihood, impact: c.impact },
    scoping: new Map<string, readonly string[]>([
      ['SCOPE-CRITICALITY', c.criticality ? [c.criticality] : []],
      ['SCOPE-REGULATED', c.regulated],
    ]),
    environments: c.environments,
    // no more exposed resources than affected ones
    exposed: new Map(kinds.map((k, i) => [k, Math.min(c.exposed[i]!, c.environments.length)])),
    answers: c.answers,
  };
}
const rate = (c: Case) => rateRisk(factors, input(c));

describe('rating factors: the direction of every factor', () => {
  it('keeps ratings in 1..5 and every reason chains from the baseline to the result', () => {
    fc.assert(
      fc.property(inputs, (c) => {
        const r = rate(c);
        for (const scale of ['likelihood', 'impact'] as const) {
          expect(r[scale]).toBeGreaterThanOrEqual(1);
          expect(r[scale]).toBeLessThanOrEqual(5);
          const steps = r.adjustments.filter((a) => a.scale === scale);
          let value = r.baseline[scale];
          for (const s of steps) {
            expect(s.from).toBe(value);
            expect(s.to).not.toBe(s.from);
            expect(s.reason.startsWith(`${scale === 'likelihood' ? 'Likelihood' : 'Impact'} ${s.from} → ${s.to}: `)).toBe(true);
            value = s.to;
          }
          expect(value).toBe(r[scale]);
        }
      }),
    );
  });

  it('raising criticality never lowers impact', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom(...CRITICALITY), fc.constantFrom(...CRITICALITY), (c, a, b) => {
        const [lo, hi] = CRITICALITY.indexOf(a) <= CRITICALITY.indexOf(b) ? [a, b] : [b, a];
        expect(rate({ ...c, criticality: hi }).impact).toBeGreaterThanOrEqual(rate({ ...c, criticality: lo }).impact);
      }),
    );
  });

  it('adding a regulated regime never lowers impact', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom(...REGULATED), (c, extra) => {
        const more = [...new Set([...c.regulated, extra])];
        expect(rate({ ...c, regulated: more }).impact).toBeGreaterThanOrEqual(rate(c).impact);
      }),
    );
  });

  it('a resource shown to be production (or of unknown environment) never lowers impact', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), fc.constantFrom(prod, undefined), (c, i, other) => {
        fc.pre(c.environments.length > 0);
        const at = i % c.environments.length;
        const changed = c.environments.map((e, j) => (j === at ? other : e));
        expect(rate({ ...c, environments: changed }).impact).toBeGreaterThanOrEqual(rate(c).impact);
      }),
    );
  });

  it('more exposed resources never lower likelihood', () => {
    fc.assert(
      fc.property(inputs, fc.nat({ max: kinds.length - 1 }), (c, k) => {
        const more = { ...c, environments: [...c.environments, undefined], exposed: c.exposed.map((n, i) => (i === k ? n + 1 : n)) };
        // the same affected resources, one more of them exposed
        const same = { ...c, environments: [...c.environments, undefined] };
        expect(rate(more).likelihood).toBeGreaterThanOrEqual(rate(same).likelihood);
      }),
    );
  });

  it('more affected resources never lower likelihood', () => {
    fc.assert(
      fc.property(inputs, environment, (c, extra) => {
        fc.pre(c.environments.length > 0); // from none to some, the answers stop speaking: another factor
        expect(rate({ ...c, environments: [...c.environments, extra] }).likelihood).toBeGreaterThanOrEqual(rate(c).likelihood);
      }),
    );
  });

  it('a non-compliant answer never rates lower than a partial one; "Don\'t know" never raises likelihood', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (c, i) => {
        fc.pre(c.answers.length > 0);
        const at = i % c.answers.length;
        const worse = c.answers.map((a, j) => (j === at ? { ...a, result: 'non-compliant' as const } : a));
        expect(rate({ ...c, answers: worse }).likelihood).toBeGreaterThanOrEqual(rate(c).likelihood);
        const unknownOnly = c.answers.map((a) => ({ ...a, unknown: true }));
        expect(rate({ ...c, environments: [], answers: unknownOnly }).likelihood).toBeLessThanOrEqual(c.likelihood);
      }),
    );
  });
});

describe('rating reasons', () => {
  const base: Case = { likelihood: 3, impact: 4, criticality: 'medium', regulated: [], environments: [], exposed: kinds.map(() => 0), answers: [] };

  it('names the stakes that raised impact', () => {
    const r = rate({ ...base, criticality: 'critical', regulated: ['personal-data', 'health'] });
    expect(r.impact).toBe(5);
    expect(r.adjustments).toContainEqual(expect.objectContaining({ reason: 'Impact 4 → 5: critical workloads and health data (scoping answers)' }));
  });

  it('names the exposure and the breadth that raised likelihood', () => {
    const twelve = Array.from({ length: 12 }, () => prod);
    const r = rate({ ...base, environments: twelve, exposed: kinds.map((k) => (k === 'internet' ? 6 : 0)) });
    expect(r.adjustments.map((a) => a.reason)).toEqual([
      'Likelihood 3 → 4: 6 resources reachable from the Internet',
      'Likelihood 4 → 5: 12 affected resources (10 or more)',
    ]);
  });

  it('lowers impact only when every affected resource is non-production, and says so', () => {
    expect(rate({ ...base, environments: [nonProd, nonProd] }).adjustments.map((a) => a.reason)).toEqual([
      'Impact 4 → 3: all 2 affected resources are non-production (tag environment=dev)',
    ]);
    expect(rate({ ...base, environments: [nonProd, undefined] }).impact).toBe(4);
  });

  it('lowers likelihood for a partly implemented control known from answers only', () => {
    expect(rate({ ...base, answers: [{ result: 'partial', unknown: false }] }).likelihood).toBe(2);
    expect(rate({ ...base, answers: [{ result: 'non-compliant', unknown: true }] }).likelihood).toBe(3);
  });

  it('keeps the baseline without factors', () => {
    expect(rateRisk(undefined, input({ ...base, criticality: 'critical' }))).toEqual({ baseline: { likelihood: 3, impact: 4 }, likelihood: 3, impact: 4, adjustments: [] });
  });
});
