import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { VERIFY_TEXT } from '../../../../core/risks/derive';
import { buildManualRisk, MANUAL_TEMPLATE_PREFIX, nextRiskId, type ManualRiskInput } from '../../../../core/risks/manual';
import { RiskSchema } from '../../../../core/risks/schema';
import { riskLevel } from '../../../../core/risks/scoring';
import { loadTestPack } from '../pack-helper';

const pack = loadTestPack();
const jan = pack.matrices.get('jan-2026')!;
const classic = pack.matrices.get('classic')!;

const input: ManualRiskInput = {
  title: 'Break-glass account password kept in a shared mailbox',
  threat: 'Anyone with access to the mailbox can take over the tenant.',
  category: 'privileged-access',
  area: 'identities-users',
  serviceModels: ['saas'],
  likelihood: 3,
  impact: 5,
  recommendation: 'Move the credential to a sealed envelope and a vault with access reviews.',
  effort: 'low',
  userImpact: 'low',
  irPlaybooks: [],
};

const build = (change: Partial<ManualRiskInput> = {}, matrix = jan) =>
  buildManualRisk({ id: 'R-042', input: { ...input, ...change }, matrix, riskMatrix: pack.riskMatrix, playbookIds: new Set(pack.playbooks.map((p) => p.id)), at: '2026-11-29T10:00:00.000Z', by: ' Dana ' });

describe('manual risks', () => {
  it('are scored from the grid and owned per the matrix, like derived ones', () => {
    const risk = build();
    expect(RiskSchema.safeParse(risk).success).toBe(true);
    expect(risk).toMatchObject({
      id: 'R-042',
      templateId: `${MANUAL_TEMPLATE_PREFIX}R-042`,
      owner: 'customer',
      ownerBasis: [{ serviceModel: 'saas', owner: 'customer' }],
      inherentLevel: riskLevel(pack.riskMatrix, 3, 5),
      action: 'remediate',
      ownerOverride: null,
      treatment: null,
      recommendation: { summary: input.recommendation },
      evidence: { answers: [], findings: [], affectedResources: [], subscriptions: [] },
      history: [{ at: '2026-11-29T10:00:00.000Z', action: 'created', detail: `Added by hand: ${input.title}`, by: 'Dana' }],
    });
    expect(risk.verification).toBeUndefined();
  });

  it('are shared when the models disagree, and provider-owned ones carry the verify action', () => {
    expect(build({ area: 'network-controls', serviceModels: ['paas', 'saas'] }).owner).toBe('shared');
    const provider = build({ area: 'physical-network', serviceModels: ['iaas'] }, classic);
    expect(provider).toMatchObject({ owner: 'microsoft', action: 'verify', verification: VERIFY_TEXT });
  });

  it('refuse incomplete input with a message naming the field', () => {
    const attempt = (change: Record<string, unknown>) => {
      try {
        build(change as Partial<ManualRiskInput>);
      } catch (error) {
        expect(error).toBeInstanceOf(ZodError);
        return (error as ZodError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      }
      throw new Error('accepted');
    };
    expect(attempt({ title: '  ' })).toEqual(['title: Give the risk a title of at least 5 characters.']);
    expect(attempt({ category: '' })).toEqual(['category: Choose the domain of the risk.']);
    expect(attempt({ area: 'the-cloud' })).toEqual(['area: Choose the responsibility area it falls in.']);
    expect(attempt({ serviceModels: [] })).toEqual(['serviceModels: Pick the service models the risk concerns.']);
    expect(attempt({ likelihood: 6 })).toEqual(['likelihood: Scores run from 1 to 5.']);
    expect(attempt({ colour: 'red' })[0]).toMatch(/colour/);
    expect(attempt({ irPlaybooks: ['made-up'] })).toEqual(["irPlaybooks.0: There is no playbook 'made-up' in the content pack."]);
  });

  it('name the playbooks the IR plan should carry for them', () => {
    const id = pack.playbooks[0]!.id;
    expect(build({ irPlaybooks: [id, id] }).irPlaybooks).toEqual([id]);
  });

  it('are numbered after every risk of the register', () => {
    expect(nextRiskId([])).toBe('R-001');
    expect(nextRiskId(['R-001', 'R-017', 'R-009'])).toBe('R-018');
    expect(nextRiskId(['R-999'])).toBe('R-1000');
  });
});
