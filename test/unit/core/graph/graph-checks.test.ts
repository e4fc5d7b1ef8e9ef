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
import { ROLE } from '../../../../core/graph/roles';
import {
  ADMIN1,
  ADMIN2,
  BG1,
  BG2,
  BREAK_GLASS_UPNS,
  GUEST,
  licenceGap,
  roleAssignment,
  snapshotOf,
  TENANT,
  wellConfiguredTenant,
  type TenantData,
} from '../../../fixtures/graph/tenant';
import { engineFiles, playbookFiles } from '../pack-helper';

const { pack } = loadPack([...engineFiles(), ...playbookFiles()]);
const matrix = pack.matrices.get('jan-2026')!;
const settings: GraphCheckSettings = { breakGlassAccounts: BREAK_GLASS_UPNS };

type Objects = Record<string, unknown>[];
const list = (data: TenantData, key: keyof TenantData): Objects => data[key] as Objects;
const one = (data: TenantData, key: keyof TenantData): Record<string, unknown> => data[key] as Record<string, unknown>;
const byId = (data: TenantData, key: keyof TenantData, id: string): Record<string, unknown> => list(data, key).find((o) => o.id === id)!;
const policy = (data: TenantData, n: number): Record<string, unknown> => list(data, 'conditionalAccessPolicies')[n - 1]!;
const policyUsers = (data: TenantData, n: number): Record<string, unknown> => (policy(data, n).conditions as Record<string, Record<string, unknown>>).users!;

function run(data: TenantData, options: { settings?: GraphCheckSettings; gaps?: Parameters<typeof snapshotOf>[1] } = {}) {
  return runGraphChecks(snapshotOf(data, options.gaps), { matrix, settings: options.settings ?? settings });
}

function statusesOf(data: TenantData, checkId: string, s?: GraphCheckSettings) {
  return run(data, s ? { settings: s } : {}).findings.filter((f) => f.checkId === checkId).map((f) => `${f.status} ${f.resourceId}`);
}

/** [check, a variant that must fail it, the resource id the failing finding names]. */
const FAIL_VARIANTS: [string, string, (d: TenantData) => void, string][] = [
  ['GR-01', 'an eligible Global Administrator without MFA', (d) => Object.assign(byId(d, 'userRegistrationDetails', ADMIN1), { isMfaRegistered: false, isMfaCapable: false, methodsRegistered: [] }), ADMIN1],
  ['GR-02', 'five Global Administrators', (d) => list(d, 'roleAssignments').push(roleAssignment('ra-admin2-ga', ADMIN2, ROLE.globalAdministrator), roleAssignment('ra-guest-ga', GUEST, ROLE.globalAdministrator)), TENANT],
  ['GR-02', 'one Global Administrator', (d) => { d.roleAssignments = list(d, 'roleAssignments').filter((a) => a.id !== 'ra-bg2-ga'); d.roleEligibilitySchedules = []; }, TENANT],
  ['GR-03', 'the admin and all-user MFA policies in report-only', (d) => { policy(d, 1).state = 'enabledForReportingButNotEnforced'; policy(d, 2).state = 'enabledForReportingButNotEnforced'; }, TENANT],
  ['GR-03', 'the admin policy excluding an administrator, the all-users policy disabled', (d) => { policyUsers(d, 1).excludeUsers = [BG1, BG2, ADMIN1]; policy(d, 2).state = 'disabled'; }, TENANT],
  ['GR-03', 'MFA offered as an alternative to a compliant device', (d) => { for (const n of [1, 2]) policy(d, n).grantControls = { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] }; }, TENANT],
  ['GR-04', 'the legacy policy missing Exchange ActiveSync', (d) => ((policy(d, 3).conditions as Record<string, unknown>).clientAppTypes = ['other']), TENANT],
  ['GR-04', 'the legacy policy excluding a role', (d) => (policyUsers(d, 3).excludeRoles = [ROLE.globalReader]), TENANT],
  ['GR-05', 'every policy in report-only and security defaults off', (d) => list(d, 'conditionalAccessPolicies').forEach((p) => (p.state = 'enabledForReportingButNotEnforced')), TENANT],
  ['GR-06', 'the all-users MFA policy excluding a group', (d) => (policyUsers(d, 2).excludeGroups = ['9a000000-0000-0000-0000-000000000001']), TENANT],
  ['GR-07', 'a synchronised Security Administrator', (d) => (byId(d, 'users', ADMIN2).onPremisesSyncEnabled = true), ADMIN2],
  ['GR-08', 'a permanent Security Administrator assignment', (d) => Object.assign(byId(d, 'roleAssignmentSchedules', 'as-admin2-secadmin'), { assignmentType: 'Assigned', scheduleInfo: { startDateTime: '2025-01-01T00:00:00Z', expiration: { type: 'noExpiration', endDateTime: null } } }), 'as-admin2-secadmin'],
  ['GR-09', 'a break-glass account synchronised from on-premises', (d) => (byId(d, 'users', BG2).onPremisesSyncEnabled = true), TENANT],
  ['GR-09', 'an enforced policy that excludes no break-glass account', (d) => (policyUsers(d, 3).excludeUsers = []), TENANT],
  ['GR-10', 'SMS enabled for all users', (d) => {
    (one(d, 'authenticationMethodsPolicy').authenticationMethodConfigurations as Objects)[2]!.state = 'enabled';
  }, TENANT],
  ['GR-10', 'voice enabled for a group while an administrator has a phone registered', (d) => {
    Object.assign((one(d, 'authenticationMethodsPolicy').authenticationMethodConfigurations as Objects)[3]!, { state: 'enabled', includeTargets: [{ targetType: 'group', id: '9a000000-0000-0000-0000-000000000002' }] });
    byId(d, 'userRegistrationDetails', ADMIN2).methodsRegistered = ['mobilePhone'];
  }, TENANT],
  ['GR-11', 'everyone may invite guests', (d) => (one(d, 'authorizationPolicy').allowInvitesFrom = 'everyone'), TENANT],
  ['GR-12', 'users may consent to any app', (d) => ((one(d, 'authorizationPolicy').defaultUserRolePermissions as Record<string, unknown>).permissionGrantPoliciesAssigned = ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy']), TENANT],
  ['GR-13', 'users may register applications', (d) => ((one(d, 'authorizationPolicy').defaultUserRolePermissions as Record<string, unknown>).allowedToCreateApps = true), TENANT],
  ['GR-14', "'Anyone' links", (d) => (one(d, 'sharepointSettings').sharingCapability = 'externalUserAndGuestSharing'), TENANT],
  ['GR-15', 'no technical notification contact', (d) => (list(d, 'organization')[0]!.technicalNotificationMails = []), TENANT],
  ['GR-17', 'guests with member access', (d) => (one(d, 'authorizationPolicy').guestUserRoleId = 'a0b1b346-4d3e-4e8b-98f8-753987be4970'), TENANT],
  ['GR-16', 'a Secure Score of 30 %', (d) => (list(d, 'secureScores')[0]!.currentScore = 30), TENANT],
];

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
