/**
 * The Microsoft Graph v1.0 collections Demarc reads: one GET each (plus `@odata.nextLink`
 * pages), with the least-privileged permission Microsoft documents for it and why Demarc
 * needs it. The same list drives the collector, the importer (file names) and the
 * permission list shown before sign-in. Pages were read on learn.microsoft.com on 2026-12-02;
 * the page of each entry is in `source`.
 */

/** Stable, public identifiers of the collections (also the import file names). */
export const GRAPH_COLLECTION_IDS = [
  'organization',
  'securityDefaults',
  'conditionalAccessPolicies',
  'namedLocations',
  'roleDefinitions',
  'roleAssignments',
  'roleEligibilitySchedules',
  'roleAssignmentSchedules',
  'users',
  'userRegistrationDetails',
  'authenticationMethodsPolicy',
  'authorizationPolicy',
  'sharepointSettings',
  'secureScores',
] as const;

export type GraphCollectionId = (typeof GRAPH_COLLECTION_IDS)[number];

export interface GraphCollection {
  id: GraphCollectionId;
  /** Row type in snapshots, ARM style: `microsoft.graph/<collection, lower case>`. */
  type: string;
  /** Path and query under `<graph endpoint>/v1.0`. */
  path: string;
  /** `list`: a `value` array with `@odata.nextLink` paging; `singleton`: one object. */
  shape: 'list' | 'singleton';
  /** Stop after this many pages (Secure Score: only the newest day is needed). */
  maxPages?: number;
  /** Least-privileged application permission; the delegated one is the same unless noted. */
  permission: string;
  /** Directory roles a delegated (signed-in) caller must also hold, when Microsoft documents any. */
  delegatedRoles?: string;
  /** Licence needed, when the API is licence-gated. */
  licence?: string;
  /** Why Demarc reads it. */
  why: string;
  /** Microsoft Learn page documenting the call. */
  source: string;
}

const type = (id: string): string => `microsoft.graph/${id.toLowerCase()}`;

export const GRAPH_COLLECTIONS: readonly GraphCollection[] = Object.freeze([
  {
    id: 'organization',
    type: type('organization'),
    path: '/organization',
    shape: 'list',
    permission: 'Organization.Read.All',
    why: 'tenant id and name; technical and security notification contacts Microsoft uses in an incident',
    source: 'https://learn.microsoft.com/graph/api/organization-get',
  },
  {
    id: 'securityDefaults',
    type: type('securityDefaults'),
    path: '/policies/identitySecurityDefaultsEnforcementPolicy',
    shape: 'singleton',
    permission: 'Policy.Read.All',
    why: 'whether security defaults (MFA registration, legacy authentication blocked) are on',
    source: 'https://learn.microsoft.com/graph/api/identitysecuritydefaultsenforcementpolicy-get',
  },
  {
    id: 'conditionalAccessPolicies',
    type: type('conditionalAccessPolicies'),
    path: '/identity/conditionalAccess/policies',
    shape: 'list',
    permission: 'Policy.Read.All',
    delegatedRoles: 'Global Reader, Security Reader, Security Administrator or Conditional Access Administrator',
    licence: 'Microsoft Entra ID P1',
    why: 'which Conditional Access policies enforce MFA, block legacy authentication, and whom they exclude',
    source: 'https://learn.microsoft.com/graph/api/conditionalaccessroot-list-policies',
  },
  {
    id: 'namedLocations',
    type: type('namedLocations'),
    path: '/identity/conditionalAccess/namedLocations',
    shape: 'list',
    permission: 'Policy.Read.All',
    delegatedRoles: 'as for Conditional Access policies',
    licence: 'Microsoft Entra ID P1',
    why: 'trusted locations that Conditional Access policies exempt',
    source: 'https://learn.microsoft.com/graph/api/conditionalaccessroot-list-namedlocations',
  },
  {
    id: 'roleDefinitions',
    type: type('roleDefinitions'),
    path: '/roleManagement/directory/roleDefinitions',
    shape: 'list',
    permission: 'RoleManagement.Read.Directory',
    why: 'names of the directory roles (built-in and custom)',
    source: 'https://learn.microsoft.com/graph/api/rbacapplication-list-roledefinitions',
  },
  {
    id: 'roleAssignments',
    type: type('roleAssignments'),
    path: '/roleManagement/directory/roleAssignments?$expand=principal',
    shape: 'list',
    permission: 'RoleManagement.Read.Directory',
    delegatedRoles: 'Directory Readers, Global Reader or Privileged Role Administrator',
    why: 'who holds privileged directory roles now (users, groups, service principals)',
    source: 'https://learn.microsoft.com/graph/api/rbacapplication-list-roleassignments',
  },
  {
    id: 'roleEligibilitySchedules',
    type: type('roleEligibilitySchedules'),
    path: '/roleManagement/directory/roleEligibilitySchedules',
    shape: 'list',
    permission: 'RoleManagement.Read.Directory',
    licence: 'Microsoft Entra ID P2 or Microsoft Entra ID Governance (Privileged Identity Management)',
    why: 'who may activate a privileged role just in time (PIM eligibility)',
    source: 'https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityschedules',
  },
  {
    id: 'roleAssignmentSchedules',
    type: type('roleAssignmentSchedules'),
    path: '/roleManagement/directory/roleAssignmentSchedules',
    shape: 'list',
    permission: 'RoleManagement.Read.Directory',
    licence: 'Microsoft Entra ID P2 or Microsoft Entra ID Governance (Privileged Identity Management)',
    why: 'which privileged assignments are standing (permanent) rather than time-bound',
    source: 'https://learn.microsoft.com/graph/api/rbacapplication-list-roleassignmentschedules',
  },
  {
    id: 'users',
    type: type('users'),
    path: '/users?$select=id,displayName,userPrincipalName,userType,accountEnabled,onPremisesSyncEnabled&$top=999',
    shape: 'list',
    permission: 'User.Read.All',
    why: 'member or guest, enabled or not, synchronised from on-premises or cloud-only',
    source: 'https://learn.microsoft.com/graph/api/user-list',
  },
  {
    id: 'userRegistrationDetails',
    type: type('userRegistrationDetails'),
    path: '/reports/authenticationMethods/userRegistrationDetails',
    shape: 'list',
    permission: 'AuditLog.Read.All',
    delegatedRoles: 'Reports Reader, Security Reader, Security Administrator or Global Reader',
    licence: 'Microsoft Entra ID P1 or P2',
    why: 'which users have an MFA method registered, and which methods',
    source: 'https://learn.microsoft.com/graph/api/authenticationmethodsroot-list-userregistrationdetails',
  },
  {
    id: 'authenticationMethodsPolicy',
    type: type('authenticationMethodsPolicy'),
    path: '/policies/authenticationMethodsPolicy',
    shape: 'singleton',
    permission: 'Policy.Read.All',
    why: 'which sign-in methods (SMS, voice, FIDO2, Authenticator) are enabled and for whom',
    source: 'https://learn.microsoft.com/graph/api/authenticationmethodspolicy-get',
  },
  {
    id: 'authorizationPolicy',
    type: type('authorizationPolicy'),
    path: '/policies/authorizationPolicy',
    shape: 'singleton',
    permission: 'Policy.Read.All',
    why: 'who may invite guests, consent to applications and register applications; the guest role',
    source: 'https://learn.microsoft.com/graph/api/authorizationpolicy-get',
  },
  {
    id: 'sharepointSettings',
    type: type('sharepointSettings'),
    path: '/admin/sharepoint/settings',
    shape: 'singleton',
    permission: 'SharePointTenantSettings.Read.All',
    delegatedRoles: 'Global Reader, SharePoint Administrator or Global Administrator',
    why: 'external sharing level of SharePoint and OneDrive ("Anyone" links)',
    source: 'https://learn.microsoft.com/graph/api/sharepointsettings-get',
  },
  {
    id: 'secureScores',
    type: type('secureScores'),
    path: '/security/secureScores?$top=1',
    shape: 'list',
    maxPages: 1,
    permission: 'SecurityEvents.Read.All',
    why: "the tenant's newest Microsoft Secure Score (context for the assessment)",
    source: 'https://learn.microsoft.com/graph/api/security-list-securescores',
  },
] satisfies GraphCollection[]);

const BY_ID = new Map(GRAPH_COLLECTIONS.map((c) => [c.id, c]));

export function graphCollection(id: GraphCollectionId): GraphCollection {
  return BY_ID.get(id)!;
}

export function isGraphCollectionId(value: string): value is GraphCollectionId {
  return BY_ID.has(value as GraphCollectionId);
}
