/**
 * Every Graph check passes on the well-configured tenant (test/fixtures/graph/tenant.ts,
 * Graph's documented shapes) and fails on a variant that breaks exactly its rule; checks
 * whose collection is a gap are not assessed with Graph's reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPack } from '../../../../core/content/loader';
import { GRAPH_CHECKS } from '../../../../core/graph/checks/catalogue';
import { runGraphChecks } from '../../../../core/graph/checks/run-graph-checks';
import type { GraphCheckSettings } from '../../../../core/graph/checks/tenant-view';
import {
  ADMIN2,
  BREAK_GLASS_UPNS,
  licenceGap,
  snapshotOf,
  TENANT,
  wellConfiguredTenant,
  type TenantData,
} from '../../../fixtures/graph/tenant';
import { byId, FAIL_VARIANTS, one } from '../../../fixtures/graph/fail-variants';
import { engineFiles, playbookFiles } from '../pack-helper';

const { pack } = loadPack([...engineFiles(), ...playbookFiles()]);
const matrix = pack.matrices.get('jan-2026')!;
const settings: GraphCheckSettings = { breakGlassAccounts: BREAK_GLASS_UPNS };

function run(data: TenantData, options: { settings?: GraphCheckSettings; gaps?: Parameters<typeof snapshotOf>[1] } = {}) {
  return runGraphChecks(snapshotOf(data, options.gaps), { matrix, settings: options.settings ?? settings });
}

function statusesOf(data: TenantData, checkId: string, s?: GraphCheckSettings) {
  return run(data, s ? { settings: s } : {}).findings.filter((f) => f.checkId === checkId).map((f) => `${f.status} ${f.resourceId}`);
}

describe('Graph checks', () => {
  it('has at least 15 checks with unique ids, each mapped to MCSB and NIST CSF 2.0 ids the pack defines', () => {
    expect(GRAPH_CHECKS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(GRAPH_CHECKS.map((c) => c.id)).size).toBe(GRAPH_CHECKS.length);
    const ids = (file: string) => new Set((parse(readFileSync(path.join(import.meta.dirname, '../../../../assessments/azure-m365/frameworks', file), 'utf8')) as { controls: { id: string }[] }).controls.map((c) => c.id));
    const mcsb = ids('mcsb-v1.yaml');
    const nist = ids('nist-csf-2.0.yaml');
    for (const check of GRAPH_CHECKS) {
      expect(check.mappings.mcsb.length, check.id).toBeGreaterThan(0);
      expect(check.mappings.nistCsf.length, check.id).toBeGreaterThan(0);
      for (const id of check.mappings.mcsb) expect(mcsb.has(id), `${check.id} ${id}`).toBe(true);
      for (const id of check.mappings.nistCsf) expect(nist.has(id), `${check.id} ${id}`).toBe(true);
      expect(check.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('passes every check on the well-configured tenant', () => {
    const { findings, notAssessed } = run(wellConfiguredTenant());
    expect(notAssessed).toEqual([]);
    expect(findings.filter((f) => f.status === 'fail').map((f) => `${f.checkId} ${f.resourceName} ${JSON.stringify(f.evidence)}`)).toEqual([]);
    for (const check of GRAPH_CHECKS) expect(findings.some((f) => f.checkId === check.id && f.status === 'pass'), check.id).toBe(true);
  });

  it.each(FAIL_VARIANTS)('%s fails on %s', (checkId, _label, mutate, resourceId) => {
    const data = wellConfiguredTenant();
    mutate(data);
    const failing = run(data).findings.filter((f) => f.checkId === checkId && f.status === 'fail');
    expect(failing.map((f) => f.resourceId)).toEqual([resourceId]);
  });

  it('gives findings the Resource Graph Finding shape: owner from the matrix, object ids, the tenant id for tenant-wide ones', () => {
    const data = wellConfiguredTenant();
    Object.assign(byId(data, 'userRegistrationDetails', ADMIN2), { isMfaRegistered: false });
    const { findings } = run(data);
    const admin = findings.find((f) => f.checkId === 'GR-01' && f.resourceId === ADMIN2)!;
    expect(admin).toMatchObject({
      status: 'fail',
      severity: 'critical',
      resourceType: 'microsoft.graph/users',
      resourceName: 'sam.secops@contoso.example',
      responsibilityArea: 'identities-users',
      serviceModel: 'saas',
      owner: 'customer',
      subscriptionId: '',
      evidence: { roles: ['Security Administrator'], isMfaRegistered: false },
    });
    expect(findings.find((f) => f.checkId === 'GR-11')).toMatchObject({ resourceId: TENANT, resourceType: 'microsoft.graph/organization', resourceName: 'Contoso' });
  });

  it('reports checks whose collection is a gap as not assessed, with the gap’s code and message', () => {
    const { findings, notAssessed } = run(wellConfiguredTenant(), { gaps: [licenceGap('roleAssignmentSchedules'), licenceGap('userRegistrationDetails')] });
    expect(notAssessed.map((n) => n.checkId)).toEqual(['GR-01', 'GR-08']);
    expect(notAssessed[0]).toMatchObject({ status: 'not-assessed', resourceId: TENANT, gap: { code: 'AadPremiumLicenseRequired' } });
    expect(notAssessed[0]!.reason).toBe('userRegistrationDetails could not be read: HTTP 400 AadPremiumLicenseRequired: The tenant needs an AAD Premium 2 license.');
    expect(findings.some((f) => f.checkId === 'GR-01' || f.checkId === 'GR-08')).toBe(false);
    // GR-10 still runs on the methods policy; it only cannot look at administrators' phones.
    expect(findings.some((f) => f.checkId === 'GR-10')).toBe(true);
  });

  it('security defaults satisfy the MFA and legacy-authentication checks without Conditional Access (no P1)', () => {
    const data = wellConfiguredTenant();
    one(data, 'securityDefaults').isEnabled = true;
    const { findings, notAssessed } = run(data, { gaps: [licenceGap('conditionalAccessPolicies')] });
    for (const id of ['GR-03', 'GR-04', 'GR-05', 'GR-06']) expect(findings.find((f) => f.checkId === id)?.status, id).toBe('pass');
    expect(notAssessed).toEqual([]);
  });

  it('needs the break-glass accounts named, and skips disabled administrators', () => {
    const { notAssessed } = runGraphChecks(snapshotOf(wellConfiguredTenant()), { matrix });
    expect(notAssessed.map((n) => `${n.checkId}: ${n.reason}`)).toEqual(['GR-09: no emergency access accounts were named: name them to assess this check']);
    const data = wellConfiguredTenant();
    byId(data, 'users', ADMIN2).accountEnabled = false;
    byId(data, 'userRegistrationDetails', ADMIN2).isMfaRegistered = false;
    expect(statusesOf(data, 'GR-01')).toContain(`not-applicable ${ADMIN2}`);
  });

  it('break-glass standing Global Administrator assignments are not applicable to GR-08', () => {
    expect(statusesOf(wellConfiguredTenant(), 'GR-08')).toEqual([`not-applicable as-bg1-ga`, `not-applicable as-bg2-ga`, `pass as-admin2-secadmin`]);
  });
});
