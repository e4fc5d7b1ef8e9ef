import { describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { loadPack } from '../../../../core/content/loader';
import { deriveRisks } from '../../../../core/risks/derive';
import type { Risk } from '../../../../core/risks/schema';

// Owners that survive review: the bundled pack under both matrices.
const { pack } = loadPack(readPackFiles(defaultPackDir));
const scope = { 'SCOPE-MODELS': { choices: ['iaas', 'paas', 'saas'] }, 'SCOPE-M365': { choices: ['yes'] }, 'SCOPE-OTHER-CLOUDS': { choices: ['aws'] } };
const answers = {
  ...scope,
  'SLA-02': { choices: ['not-reviewed'] },
  'SLA-07': { choices: ['never'] },
  'SLA-08': { choices: ['none'] },
  'MCL-01': { choices: ['no'] },
  'M365-04': { choices: ['anyone'] },
  'IRP-01': { choices: ['none'] },
  'IDN-04': { choices: ['no'] },
};
const derive = (matrixId: string, a: Record<string, { choices: string[] }> = answers): Map<string, Risk> =>
  new Map(deriveRisks({ pack, answers: a, findings: [], matrixId }).map((r) => [r.templateId, r]));

describe('owners that survive review', () => {
  it.each(['jan-2026', 'classic'])("the customer's own governance failures are the customer's (%s)", (matrixId) => {
    const risks = derive(matrixId);
    for (const id of ['RT-SLA-TERMS-UNREVIEWED', 'RT-SLA-ASSURANCE-UNVERIFIED', 'RT-PROVIDER-INCIDENT-AWARENESS', 'RT-MCL-TERMS-UNREVIEWED'])
      expect(risks.get(id), id).toMatchObject({ area: 'governance', owner: 'customer', action: 'remediate' });
  });

  it('under the classic diagram, SaaS configuration risks are the customer\'s and identity infrastructure is reachable', () => {
    const risks = derive('classic');
    expect(risks.get('RT-M365-OVERSHARING')).toMatchObject({ owner: 'customer' });
    expect(risks.get('RT-IRP-NO-PLAN')).toMatchObject({ owner: 'customer' });
    // "Identity and directory infrastructure": shared in SaaS and PaaS, the customer's in IaaS
    expect(risks.get('RT-IDN-HYBRID-TIER0')).toMatchObject({ area: 'identity-infrastructure', owner: 'shared' });
    expect(derive('jan-2026').get('RT-IDN-HYBRID-TIER0')).toMatchObject({ owner: 'customer' });
  });

  it('provider-side threats are raised by the scope, Microsoft-owned, with a verify action', () => {
    const ids = ['RT-PROVIDER-REGIONAL-OUTAGE', 'RT-PROVIDER-PLATFORM-VULNERABILITY', 'RT-PROVIDER-KEY-OR-STAFF-COMPROMISE', 'RT-PROVIDER-DATA-LOSS'];
    for (const matrixId of ['jan-2026', 'classic']) {
      const risks = derive(matrixId, scope);
      for (const id of ids) expect(risks.get(id), `${matrixId} ${id}`).toMatchObject({ owner: 'microsoft', action: 'verify', serviceModels: ['iaas', 'paas', 'saas'] });
      // the evidence is the scoping answer, so the register can say why the risk is there
      expect(risks.get(ids[0]!)!.evidence.answers).toEqual([{ questionId: 'SCOPE-MODELS', choices: ['iaas', 'paas', 'saas'], result: null, score: null }]);
    }
    expect(derive('jan-2026', { 'SCOPE-MODELS': { choices: ['saas'] } }).get(ids[0]!)).toMatchObject({ serviceModels: ['saas'] });
    // no scoping answer: the scope is unknown and nothing is raised on its behalf
    expect(deriveRisks({ pack, answers: {}, findings: [] })).toEqual([]);
  });
});
