/**
 * GR-09's evidence names the emergency access accounts (user principal names): personal data
 * from Microsoft Graph, masked in the report by default like every Graph user, shown with
 * masking off. The bundle's list of named accounts is not printed at all.
 */
import { describe, expect, it } from 'vitest';
import { runGraphChecks } from '../../../../core/graph/checks/run-graph-checks';
import { buildReportModel } from '../../../../core/report/model';
import { maskPersonalNames } from '../../../../core/report/sanitize';
import { deriveRisks } from '../../../../core/risks/derive';
import { byId } from '../../../fixtures/graph/fail-variants';
import { BG2, BREAK_GLASS_UPNS, snapshotOf, wellConfiguredTenant } from '../../../fixtures/graph/tenant';
import { loadDemo } from './helpers';

const SYNCED = BREAK_GLASS_UPNS[1]!;

describe('the emergency access accounts in the report', () => {
  const { bundle: demo, pack, template } = loadDemo();
  const data = wellConfiguredTenant();
  byId(data, 'users', BG2).onPremisesSyncEnabled = true;
  const matrix = pack.matrices.get(demo.assessment.matrixId)!;
  const graph = runGraphChecks(snapshotOf(data), { matrix, settings: { breakGlassAccounts: BREAK_GLASS_UPNS } }).findings;
  const findings = [...demo.inventory.findings.filter((f) => !f.checkId.startsWith('GR-')), ...graph];
  const bundle = {
    ...demo,
    graphSettings: { breakGlassAccounts: BREAK_GLASS_UPNS },
    inventory: { ...demo.inventory, findings },
    risks: deriveRisks({ pack, answers: demo.answers, findings, matrixId: matrix.id }),
  };

  it('has GR-09 failing on the synchronised account, as the report will show it', () => {
    expect(graph.find((f) => f.checkId === 'GR-09')).toMatchObject({ status: 'fail', evidence: { problems: [`${SYNCED}: synchronised from on-premises`] } });
    expect(bundle.risks.find((r) => r.templateId === 'RT-PAM-NO-BREAK-GLASS')?.evidence.findings.map((f) => f.checkId)).toContain('GR-09');
  });

  it('masks the account names by default', () => {
    const text = JSON.stringify(buildReportModel(bundle, pack, template, { depth: 'full' }));
    expect(text).not.toContain('breakglass2@');
    expect(text).not.toContain('breakglass1@');
    expect(text).toContain(maskPersonalNames(SYNCED));
  });

  it('shows them with masking off', () => {
    expect(JSON.stringify(buildReportModel(bundle, pack, template, { mask: false, depth: 'full' }))).toContain(`${SYNCED}: synchronised from on-premises`);
  });
});
