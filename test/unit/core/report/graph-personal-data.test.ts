/**
 * Users' names from Microsoft Graph evidence are personal data: the report masks them by
 * default, as it masks tenant ids, and shows them with masking off. The client's own contacts
 * (the IR plan's contact sheet) are not Graph evidence and stay readable.
 */
import { describe, expect, it } from 'vitest';
import { deriveRisks } from '../../../../core/risks/derive';
import { runGraphChecks } from '../../../../core/graph/checks/run-graph-checks';
import { buildReportModel } from '../../../../core/report/model';
import { maskPersonName, maskPersonalNames } from '../../../../core/report/sanitize';
import { byId } from '../../../fixtures/graph/fail-variants';
import { ADMIN2, BREAK_GLASS_UPNS, snapshotOf, wellConfiguredTenant } from '../../../fixtures/graph/tenant';
import { loadDemo } from './helpers';

const UPN = 'sam.secops@contoso.example';

describe("users' names in the report", () => {
  const { bundle: demo, pack, template } = loadDemo();
  const data = wellConfiguredTenant();
  byId(data, 'userRegistrationDetails', ADMIN2).isMfaRegistered = false;
  byId(data, 'users', ADMIN2).onPremisesSyncEnabled = true;
  const matrix = pack.matrices.get(demo.assessment.matrixId)!;
  const graph = runGraphChecks(snapshotOf(data), { matrix, settings: { breakGlassAccounts: BREAK_GLASS_UPNS } }).findings;
  const findings = [...demo.inventory.findings, ...graph];
  const bundle = { ...demo, inventory: { ...demo.inventory, findings }, risks: deriveRisks({ pack, answers: demo.answers, findings, matrixId: matrix.id }) };

  it('masks the user principal names of Graph findings by default, the same person under the same pseudonym', () => {
    const text = JSON.stringify(buildReportModel(bundle, pack, template));
    expect(text).not.toContain('sam.secops');
    const pseudonym = maskPersonalNames(UPN);
    expect(pseudonym).toMatch(/^user-[0-9a-f]{6}@contoso\.example$/);
    expect(text.split(pseudonym).length - 1).toBeGreaterThanOrEqual(2); // GR-01 and GR-07 name the same administrator
  });

  it('masks a user finding named by display name only, and the names inside Graph evidence', () => {
    const named = { ...graph.find((f) => f.checkId === 'GR-01' && f.status === 'fail')!, resourceName: 'Sam Secops' };
    const withName = { ...bundle, inventory: { ...bundle.inventory, findings: [...demo.inventory.findings, named, ...graph.filter((f) => f !== graph.find((g) => g.checkId === 'GR-01' && g.status === 'fail'))] } };
    const text = JSON.stringify(buildReportModel(withName, pack, template));
    expect(text).not.toContain('Sam Secops');
    expect(text).toContain(maskPersonName('Sam Secops'));
    expect(maskPersonName('Sam Secops')).toMatch(/^user-[0-9a-f]{6}$/);
    expect(maskPersonalNames('active = ["alex.admin@contoso.example","sam.secops@contoso.example"]')).not.toMatch(/alex|sam/);
  });

  it('shows them with masking off', () => {
    expect(JSON.stringify(buildReportModel(bundle, pack, template, { mask: false }))).toContain(UPN);
  });

  it("keeps the client's contact sheet readable", () => {
    const email = demo.contacts.find((c) => c.email)?.email;
    expect(email).toBeDefined();
    expect(JSON.stringify(buildReportModel(bundle, pack, template).irPlan.contacts)).toContain(email!);
  });
});
