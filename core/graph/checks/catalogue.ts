/**
 * The Graph checks: small named evaluators over a {@link TenantView}. They are code, not
 * the pack's declarative conditions, because each one joins several collections (role
 * assignments x users x registration details x policies) and reads Conditional Access
 * semantics that a field condition cannot express. Each check names the Microsoft Learn
 * page its rule comes from (read 2026-12-02) and maps to MCSB v1 and NIST CSF 2.0 ids that
 * exist in the pack's framework files.
 *
 * A check that needs a collection Graph refused throws `NotAssessedError` through
 * `view.require()`; the runner reports it as not assessed with the gap's reason.
 */
import type { Area, Severity } from '../../content/vocabulary';
import { MFA_POLICY_ADMIN_ROLES, PRIVILEGED_ROLES, ROLE, roleName } from '../roles';
import {
  blocks,
  clientAppTypes,
  coversAllApps,
  coversAllUsers,
  describePolicy,
  isEnforced,
  isReportOnly,
  policyCount,
  requiresMfa,
  usersOf,
  weakeningExclusions,
} from './conditional-access';
import { BREAK_GLASS_CHECK_ID, namedAccountStatus } from './break-glass';
import { NotAssessedError, obj, str, strings, type GraphObject, type PrivilegedHolder, type TenantView } from './tenant-view';

export interface GraphCheckResult {
  status: 'pass' | 'fail' | 'not-applicable';
  resourceId: string;
  resourceName: string;
  resourceType: string;
  evidence: Record<string, unknown>;
}

export interface GraphCheck {
  /** Public identifier: never renamed once shipped. */
  id: string;
  title: string;
  description: string;
  severity: Severity;
  area: Area;
  mappings: { mcsb: string[]; nistCsf: string[] };
  /** The Microsoft page the rule follows. */
  source: string;
  evaluate(view: TenantView): GraphCheckResult[];
}

const TENANT_TYPE = 'microsoft.graph/organization';
const USER_TYPE = 'microsoft.graph/users';

function tenantResult(view: TenantView, failed: boolean, evidence: Record<string, unknown>): GraphCheckResult[] {
  return [{ status: failed ? 'fail' : 'pass', resourceId: view.tenantId, resourceName: view.tenantName, resourceType: TENANT_TYPE, evidence }];
}

function roleNames(holder: PrivilegedHolder): string[] {
  return [...holder.roles].map(([role, how]) => `${roleName(role)}${how === 'eligible' ? ' (eligible)' : ''}`);
}

function privilegedUsers(view: TenantView): PrivilegedHolder[] {
  return [...view.privilegedHolders().values()].filter((h) => h.kind === 'user');
}

/** Security defaults are on (then they enforce MFA registration and block legacy authentication). */
function securityDefaultsOn(view: TenantView): boolean {
  return view.has('securityDefaults') && view.single('securityDefaults').isEnabled === true;
}

const LEARN = 'https://learn.microsoft.com';

/**
 * Security defaults, or an enforced policy for all users and all cloud apps that `matches`
 * and excludes nobody but the named break-glass accounts. Evidence lists the policies that
 * count and those that match but do not (not enforced, narrower, or weakened).
 */
function allUsersPolicyResult(view: TenantView, matches: (policy: GraphObject) => boolean): GraphCheckResult[] {
  if (securityDefaultsOn(view)) return tenantResult(view, false, { securityDefaults: true });
  const breakGlass = view.breakGlassIds();
  const candidates = view.require('conditionalAccessPolicies').filter(matches);
  const counted = candidates.filter((p) => isEnforced(p) && coversAllUsers(p) && coversAllApps(p) && weakeningExclusions(p, breakGlass).length === 0);
  return tenantResult(view, counted.length === 0, {
    countedPolicies: counted.map(describePolicy),
    notCounted: candidates.filter((p) => !counted.includes(p)).map((p) => describeWithExclusions(p, breakGlass)),
  });
}

/** A policy and the exclusions that keep it from counting, for evidence. */
function describeWithExclusions(policy: GraphObject, breakGlass: ReadonlySet<string>): string {
  const exclusions = weakeningExclusions(policy, breakGlass);
  return `${describePolicy(policy)}${exclusions.length ? ` excludes ${exclusions.join(', ')}` : ''}`;
}

const privilegedWithoutMfa: GraphCheck = {
  id: 'GR-01',
  title: 'Privileged role holder has no MFA method registered',
  description:
    'Each enabled user holding a privileged directory role (active, or PIM-eligible when eligibility was read) must have a strong authentication method registered (userRegistrationDetails.isMfaRegistered). Roles held through groups are not expanded.',
  severity: 'critical',
  area: 'identities-users',
  mappings: { mcsb: ['IM-6', 'PA-1'], nistCsf: ['PR.AA-03'] },
  source: `${LEARN}/graph/api/resources/userregistrationdetails`,
  evaluate(view) {
    view.require('userRegistrationDetails');
    const registrations = view.byId('userRegistrationDetails');
    const users = view.byId('users');
    return privilegedUsers(view).map((holder) => {
      const registration = registrations.get(holder.id);
      const enabled = users.get(holder.id)?.accountEnabled !== false;
      const evidence = {
        roles: roleNames(holder),
        isMfaRegistered: registration?.isMfaRegistered ?? null,
        isMfaCapable: registration?.isMfaCapable ?? null,
        methodsRegistered: strings(registration?.methodsRegistered),
        ...(enabled ? {} : { accountEnabled: false }),
      };
      const status = !enabled ? 'not-applicable' : registration?.isMfaRegistered === true ? 'pass' : 'fail';
      return { status, resourceId: holder.id, resourceName: holder.name, resourceType: USER_TYPE, evidence };
    });
  },
};

const globalAdminCount: GraphCheck = {
  id: 'GR-02',
  title: 'Global Administrator count is outside 2 to 4',
  description:
    'Distinct users holding Global Administrator, active or PIM-eligible. Microsoft recommends fewer than five Global Administrators and more than one (emergency access included). Groups holding the role are listed, not expanded.',
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['PA-1'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/entra/identity/role-based-access-control/best-practices`,
  evaluate(view) {
    const [min, max] = view.settings.globalAdministratorRange ?? [2, 4];
    const holders = [...view.privilegedHolders().values()].filter((h) => h.roles.has(ROLE.globalAdministrator));
    const users = holders.filter((h) => h.kind === 'user');
    return tenantResult(view, users.length < min || users.length > max, {
      globalAdministrators: users.length,
      allowed: `${min}-${max}`,
      active: users.filter((h) => h.roles.get(ROLE.globalAdministrator) === 'active').map((h) => h.name),
      eligible: users.filter((h) => h.roles.get(ROLE.globalAdministrator) === 'eligible').map((h) => h.name),
      eligibilityRead: view.has('roleEligibilitySchedules'),
      otherPrincipals: holders.filter((h) => h.kind !== 'user').map((h) => `${h.kind} ${h.name}`),
    });
  },
};

const adminMfaPolicy: GraphCheck = {
  id: 'GR-03',
  title: 'No enforced Conditional Access policy requires MFA for every administrator role',
  description:
    "Enabled policies for all cloud apps whose grant forces MFA (or an authentication strength) must together cover the roles of Microsoft's 'Require MFA for administrators' template. Report-only and disabled policies do not count; a policy that excludes anyone but the named break-glass accounts (or any group or role) does not count. Security defaults, when on, also require MFA for administrators.",
  severity: 'critical',
  area: 'identities-users',
  mappings: { mcsb: ['IM-6', 'IM-7'], nistCsf: ['PR.AA-03'] },
  source: `${LEARN}/entra/identity/conditional-access/policy-old-require-mfa-admin`,
  evaluate(view) {
    if (securityDefaultsOn(view)) return tenantResult(view, false, { securityDefaults: true });
    const policies = view.require('conditionalAccessPolicies');
    const breakGlass = view.breakGlassIds();
    const candidates = policies.filter((p) => coversAllApps(p) && requiresMfa(p));
    const covered = new Set<string>();
    const weakened: string[] = [];
    for (const p of candidates.filter(isEnforced)) {
      const exclusions = weakeningExclusions(p, breakGlass);
      if (exclusions.length > 0) {
        weakened.push(describeWithExclusions(p, breakGlass));
        continue;
      }
      const roles = coversAllUsers(p) ? MFA_POLICY_ADMIN_ROLES : strings(usersOf(p).includeRoles);
      for (const r of roles) covered.add(r);
    }
    const missing = MFA_POLICY_ADMIN_ROLES.filter((r) => !covered.has(r));
    return tenantResult(view, missing.length > 0, {
      rolesNotCovered: missing.map((r) => roleName(r)),
      weakenedPolicies: weakened,
      reportOnlyPolicies: candidates.filter(isReportOnly).map(describePolicy),
      disabledPolicies: candidates.filter((p) => str(p.state) === 'disabled').map(describePolicy),
    });
  },
};

const legacyAuth: GraphCheck = {
  id: 'GR-04',
  title: 'Legacy authentication is not blocked',
  description:
    'Passes when security defaults are on, or an enabled policy for all users and all cloud apps targets the Exchange ActiveSync and other clients with Block, excluding at most the named break-glass accounts.',
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['IM-6', 'IM-7'], nistCsf: ['PR.AA-03', 'PR.PS-01'] },
  source: `${LEARN}/entra/identity/conditional-access/policy-block-legacy-authentication`,
  evaluate(view) {
    return allUsersPolicyResult(view, (p) => blocks(p) && ['exchangeActiveSync', 'other'].every((t) => clientAppTypes(p).includes(t)));
  },
};

const noBaseline: GraphCheck = {
  id: 'GR-05',
  title: 'Security defaults are off and no Conditional Access policy is enforced',
  description: 'With security defaults off, the tenant needs enabled Conditional Access policies; report-only policies enforce nothing.',
  severity: 'critical',
  area: 'identities-users',
  mappings: { mcsb: ['IM-6', 'PV-1'], nistCsf: ['PR.AA-03', 'PR.PS-01'] },
  source: `${LEARN}/entra/fundamentals/security-defaults`,
  evaluate(view) {
    if (view.single('securityDefaults').isEnabled === true) return tenantResult(view, false, { securityDefaults: true });
    const policies = view.require('conditionalAccessPolicies');
    return tenantResult(view, !policies.some(isEnforced), { securityDefaults: false, policiesByState: policyCount(policies) });
  },
};

const mfaAllUsers: GraphCheck = {
  id: 'GR-06',
  title: 'MFA is not required for all users',
  description:
    'Passes when security defaults are on, or an enabled policy for all users and all cloud apps forces MFA, excluding at most the named break-glass accounts (excluded groups, roles or guests leave users without MFA).',
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['IM-6', 'IM-7'], nistCsf: ['PR.AA-03'] },
  source: `${LEARN}/entra/identity/conditional-access/howto-conditional-access-policy-all-users-mfa`,
  evaluate(view) {
    return allUsersPolicyResult(view, requiresMfa);
  },
};

const syncedAdmins: GraphCheck = {
  id: 'GR-07',
  title: 'Account synchronised from on-premises holds a privileged role',
  description:
    'A privileged user with onPremisesSyncEnabled = true can be taken over from on-premises Active Directory. Microsoft recommends cloud-only administrator accounts. false means synced before and cloud-managed now.',
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['PA-1'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/entra/identity/role-based-access-control/best-practices`,
  evaluate(view) {
    view.require('users');
    const users = view.byId('users');
    return privilegedUsers(view).map((holder) => {
      const synced = users.get(holder.id)?.onPremisesSyncEnabled;
      return {
        status: synced === true ? 'fail' : 'pass',
        resourceId: holder.id,
        resourceName: holder.name,
        resourceType: USER_TYPE,
        evidence: { roles: roleNames(holder), onPremisesSyncEnabled: synced ?? null },
      };
    });
  },
};

const standingAccess: GraphCheck = {
  id: 'GR-08',
  title: 'Standing privileged assignment where PIM is available',
  description:
    'Assignment schedules of privileged roles that are Assigned (not activated) with no end date. The named break-glass accounts are expected to hold Global Administrator permanently and are not applicable. Needs PIM (Entra ID P2), so a tenant without it is not assessed.',
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['PA-2'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/graph/api/resources/unifiedroleassignmentschedule`,
  evaluate(view) {
    const schedules = view.require('roleAssignmentSchedules');
    const breakGlass = view.breakGlassIds();
    const users = view.byId('users');
    return schedules
      .filter((s) => PRIVILEGED_ROLES.has(str(s.roleDefinitionId) ?? '') && (str(s.directoryScopeId) ?? '/') === '/')
      .map((s) => {
        const principalId = str(s.principalId) ?? '';
        const expiration = obj(obj(s.scheduleInfo).expiration);
        const permanent = str(expiration.type) === 'noExpiration' || !str(expiration.endDateTime);
        const standing = str(s.assignmentType) === 'Assigned' && permanent;
        const who = str(users.get(principalId)?.userPrincipalName) ?? principalId;
        return {
          status: breakGlass.has(principalId) ? 'not-applicable' : standing ? 'fail' : 'pass',
          resourceId: str(s.id) ?? principalId,
          resourceName: `${roleName(str(s.roleDefinitionId) ?? '')}: ${who}`,
          resourceType: 'microsoft.graph/roleassignmentschedules',
          evidence: { principalId, assignmentType: str(s.assignmentType) ?? null, expiration: str(expiration.type) ?? null, endDateTime: str(expiration.endDateTime) ?? null },
        };
      });
  },
};

const breakGlassAccounts: GraphCheck = {
  id: BREAK_GLASS_CHECK_ID,
  title: 'No usable emergency access (break-glass) accounts',
  description:
    'The consultant names the accounts. Microsoft recommends two or more cloud-only emergency access accounts holding Global Administrator permanently. Enforced Conditional Access policies that exclude none of them could lock every administrator out.',
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['PA-5'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/entra/identity/role-based-access-control/security-emergency-access`,
  evaluate(view) {
    const named = view.settings.breakGlassAccounts ?? [];
    if (named.length === 0) throw new NotAssessedError('no emergency access accounts were named: name them to assess this check');
    const accounts = namedAccountStatus(view);
    // the same user named twice (by sign-in name and by object id) is one account
    const usable = new Set(accounts.filter((a) => a.problems.length === 0).map((a) => a.id));
    const ids = view.breakGlassIds();
    const lockout = view.has('conditionalAccessPolicies')
      ? view.require('conditionalAccessPolicies').filter((p) => isEnforced(p) && !strings(usersOf(p).excludeUsers).some((id) => ids.has(id))).map(describePolicy)
      : [];
    return tenantResult(view, usable.size < 2 || lockout.length > 0, {
      named: named.length,
      usable: usable.size,
      problems: accounts.filter((a) => a.problems.length > 0).map((a) => `${a.userPrincipalName ?? a.named}: ${a.problems.join(', ')}`),
      policiesExcludingNoBreakGlassAccount: lockout,
    });
  },
};

const PHONE_METHODS = new Set(['mobilePhone', 'alternateMobilePhone', 'officePhone']);

const phoneMethodsForAdmins: GraphCheck = {
  id: 'GR-10',
  title: 'SMS or voice sign-in is allowed for administrators',
  description:
    'Fails when the SMS or Voice method is enabled in the authentication methods policy for all users, or for groups while a privileged user has a phone method registered. Phone methods are the weakest MFA methods and are not phishing resistant.',
  severity: 'medium',
  area: 'identities-users',
  mappings: { mcsb: ['IM-6'], nistCsf: ['PR.AA-03'] },
  source: `${LEARN}/graph/api/resources/authenticationmethodspolicy`,
  evaluate(view) {
    const policy = view.single('authenticationMethodsPolicy');
    const phone = (Array.isArray(policy.authenticationMethodConfigurations) ? policy.authenticationMethodConfigurations : [])
      .map(obj)
      .filter((c) => ['sms', 'voice'].includes((str(c.id) ?? '').toLowerCase()) && str(c.state) === 'enabled');
    const forAll = phone.filter((c) => (Array.isArray(c.includeTargets) ? c.includeTargets : []).some((t) => str(obj(t).id) === 'all_users'));
    let adminsWithPhone: string[] = [];
    if (phone.length > 0 && forAll.length === 0 && view.has('userRegistrationDetails') && view.has('roleAssignments')) {
      const registrations = view.byId('userRegistrationDetails');
      adminsWithPhone = privilegedUsers(view)
        .filter((h) => strings(registrations.get(h.id)?.methodsRegistered).some((m) => PHONE_METHODS.has(m)))
        .map((h) => h.name);
    }
    return tenantResult(view, forAll.length > 0 || adminsWithPhone.length > 0, {
      enabledPhoneMethods: phone.map((c) => str(c.id)),
      enabledForAllUsers: forAll.map((c) => str(c.id)),
      administratorsWithPhoneMethod: adminsWithPhone,
    });
  },
};

function authorizationSetting(view: TenantView): GraphObject {
  return view.single('authorizationPolicy');
}

const guestInvites: GraphCheck = {
  id: 'GR-11',
  title: 'Every member or guest may invite guests',
  description:
    "authorizationPolicy.allowInvitesFrom is 'everyone' (guests included) or 'adminsGuestInvitersAndAllMembers'; only administrators and the Guest Inviter role ('adminsAndGuestInviters') or nobody ('none') pass.",
  severity: 'medium',
  area: 'identities-users',
  mappings: { mcsb: ['PA-7'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/graph/api/resources/authorizationpolicy`,
  evaluate(view) {
    const value = str(authorizationSetting(view).allowInvitesFrom) ?? null;
    return tenantResult(view, value === 'everyone' || value === 'adminsGuestInvitersAndAllMembers', { allowInvitesFrom: value });
  },
};

const userConsent: GraphCheck = {
  id: 'GR-12',
  title: 'Users may consent to any application',
  description:
    "The default user role has ManagePermissionGrantsForSelf.microsoft-user-default-legacy: users can grant any app access to their data. The '-low' policy (verified publishers, low-risk permissions) or no self-consent policy passes; ManagePermissionGrantsForOwnedResource entries are group-owner consent and are ignored.",
  severity: 'high',
  area: 'identities-users',
  mappings: { mcsb: ['IM-3', 'PA-7'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/graph/api/resources/defaultuserrolepermissions`,
  evaluate(view) {
    const assigned = strings(obj(authorizationSetting(view).defaultUserRolePermissions).permissionGrantPoliciesAssigned);
    const self = assigned.filter((p) => p.toLowerCase().startsWith('managepermissiongrantsforself.'));
    return tenantResult(view, self.some((p) => p.toLowerCase() === 'managepermissiongrantsforself.microsoft-user-default-legacy'), { userConsentPolicies: self });
  },
};

const appRegistration: GraphCheck = {
  id: 'GR-13',
  title: 'Users may register applications',
  description: 'defaultUserRolePermissions.allowedToCreateApps is true: any user can create app registrations (and their credentials).',
  severity: 'medium',
  area: 'identities-users',
  mappings: { mcsb: ['IM-3'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/graph/api/resources/defaultuserrolepermissions`,
  evaluate(view) {
    const value = obj(authorizationSetting(view).defaultUserRolePermissions).allowedToCreateApps;
    return tenantResult(view, value === true, { allowedToCreateApps: typeof value === 'boolean' ? value : null });
  },
};

/** authorizationPolicy.guestUserRoleId: the role guests get (same page as below). */
const GUEST_ROLE_SAME_AS_MEMBERS = 'a0b1b346-4d3e-4e8b-98f8-753987be4970';

const guestAccess: GraphCheck = {
  id: 'GR-17',
  title: 'Guests have the same directory access as members',
  description:
    "authorizationPolicy.guestUserRoleId is a0b1b346-4d3e-4e8b-98f8-753987be4970 (User: same access as members). Limited access (10dae51f-b6af-4016-8d66-8c2a99b929b3, the default) and restricted access (2af84b1e-32c8-42b7-82bc-daa82404023b) pass.",
  severity: 'medium',
  area: 'identities-users',
  mappings: { mcsb: ['PA-7'], nistCsf: ['PR.AA-05'] },
  source: `${LEARN}/graph/api/resources/authorizationpolicy`,
  evaluate(view) {
    const value = str(authorizationSetting(view).guestUserRoleId) ?? null;
    return tenantResult(view, value === GUEST_ROLE_SAME_AS_MEMBERS, { guestUserRoleId: value });
  },
};

const sharePointAnyone: GraphCheck = {
  id: 'GR-14',
  title: "SharePoint and OneDrive allow 'Anyone' links",
  description: "sharepointSettings.sharingCapability is 'externalUserAndGuestSharing': files can be shared with links that need no sign-in.",
  severity: 'high',
  area: 'customer-data',
  mappings: { mcsb: ['IM-7'], nistCsf: ['PR.DS-01', 'PR.AA-05'] },
  source: `${LEARN}/graph/api/resources/sharepointsettings`,
  evaluate(view) {
    const value = str(view.single('sharepointSettings').sharingCapability) ?? null;
    return tenantResult(view, value === 'externalUserAndGuestSharing', { sharingCapability: value });
  },
};

const notificationContacts: GraphCheck = {
  id: 'GR-15',
  title: 'No technical or security notification contact for the tenant',
  description:
    'organization.technicalNotificationMails or securityComplianceNotificationMails is empty: Microsoft has nobody to tell about service or security incidents affecting the tenant. Feeds the incident response plan.',
  severity: 'medium',
  area: 'configurations-settings',
  mappings: { mcsb: ['IR-2'], nistCsf: ['RS.CO-02'] },
  source: `${LEARN}/graph/api/resources/organization`,
  evaluate(view) {
    const org = view.require('organization')[0] ?? {};
    const technical = strings(org.technicalNotificationMails);
    const security = strings(org.securityComplianceNotificationMails);
    return tenantResult(view, technical.length === 0 || security.length === 0, {
      technicalNotificationMails: technical.length,
      securityComplianceNotificationMails: security.length,
    });
  },
};

const secureScore: GraphCheck = {
  id: 'GR-16',
  title: 'Microsoft Secure Score is below the threshold',
  description:
    "The newest secureScore's currentScore as a percentage of maxScore, against the assessment's threshold (Demarc's default 50 %, not a Microsoft figure). Context for the other findings, not evidence of any one control.",
  severity: 'low',
  area: 'configurations-settings',
  mappings: { mcsb: ['PV-2'], nistCsf: ['ID.IM-01'] },
  source: `${LEARN}/graph/api/resources/securescore`,
  evaluate(view) {
    const latest = view.require('secureScores')[0];
    const current = latest?.currentScore;
    const max = latest?.maxScore;
    if (typeof current !== 'number' || typeof max !== 'number' || max <= 0) throw new NotAssessedError('Graph returned no Secure Score with a current and maximum score');
    const threshold = view.settings.secureScoreMinimumPercent ?? 50;
    const percent = Math.round((current / max) * 1000) / 10;
    return tenantResult(view, percent < threshold, { currentScore: current, maxScore: max, percent, threshold, createdDateTime: str(latest?.createdDateTime) ?? null });
  },
};

export const GRAPH_CHECKS: readonly GraphCheck[] = Object.freeze([
  privilegedWithoutMfa,
  globalAdminCount,
  adminMfaPolicy,
  legacyAuth,
  noBaseline,
  mfaAllUsers,
  syncedAdmins,
  standingAccess,
  breakGlassAccounts,
  phoneMethodsForAdmins,
  guestInvites,
  userConsent,
  appRegistration,
  sharePointAnyone,
  notificationContacts,
  secureScore,
  guestAccess,
]);
