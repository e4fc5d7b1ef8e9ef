import { listText } from './evidence-expected';

/**
 * Expected values of the Microsoft Graph checks' evidence. A Graph check's rule is code
 * (core/graph/checks/catalogue.ts), not a declarative condition, so its expectations are
 * stated here, each the opposite of what that evaluator fails on (the catalogue cites the
 * Microsoft Learn page of each rule). A key not listed is context and expects nothing.
 */
type Expectation = string | ((evidence: Record<string, unknown>) => string);

const EXPECTED: Record<string, Record<string, Expectation>> = {
  'GR-01': { isMfaRegistered: 'true' },
  'GR-02': { globalAdministrators: (e) => (typeof e.allowed === 'string' ? e.allowed : '') },
  'GR-03': { rolesNotCovered: 'none' },
  'GR-04': { countedPolicies: 'at least one, or security defaults on' },
  'GR-05': { securityDefaults: 'true, or an enforced Conditional Access policy' },
  'GR-06': { countedPolicies: 'at least one, or security defaults on' },
  'GR-07': { onPremisesSyncEnabled: 'false or not set (cloud-only account)' },
  'GR-08': { assignmentType: 'eligible (activated in PIM when needed)', expiration: 'an end date' },
  'GR-09': { usable: 'at least 2' },
  'GR-10': { enabledForAllUsers: 'none' },
  'GR-11': { allowInvitesFrom: 'adminsAndGuestInviters or none' },
  'GR-12': { userConsentPolicies: 'none, or ManagePermissionGrantsForSelf.microsoft-user-default-low' },
  'GR-13': { allowedToCreateApps: 'false' },
  'GR-14': { sharingCapability: 'not externalUserAndGuestSharing' },
  'GR-15': { technicalNotificationMails: 'at least 1', securityComplianceNotificationMails: 'at least 1' },
  'GR-16': { percent: (e) => (typeof e.threshold === 'number' ? `${e.threshold} or more` : '') },
  'GR-17': { guestUserRoleId: 'Guest User (limited access) or Restricted Guest User' },
};

/** What a Graph check expects of one evidence key ('' when the key is context). */
export function graphExpected(checkId: string, key: string, evidence: Record<string, unknown>): string {
  const x = EXPECTED[checkId]?.[key];
  return typeof x === 'function' ? x(evidence) : (x ?? '');
}

/**
 * The guest roles of authorizationPolicy.guestUserRoleId by name (Microsoft Graph
 * authorizationPolicy reference, read 2026-12-02): a bare id would be masked in the report.
 */
const GUEST_ROLES: Record<string, string> = {
  'a0b1b346-4d3e-4e8b-98f8-753987be4970': 'User (same access as members)',
  '10dae51f-b6af-4016-8d66-8c2a99b929b3': 'Guest User (limited access)',
  '2af84b1e-32c8-42b7-82bc-daa82404023b': 'Restricted Guest User',
};

/** A Graph evidence value that reads better by name than as stored; undefined for the others. */
export function graphValueText(checkId: string, key: string, v: unknown): { value: string; full?: string } | undefined {
  if (key === 'guestUserRoleId' && typeof v === 'string') return { value: GUEST_ROLES[v.toLowerCase()] ?? v };
  if (key === 'policiesByState' && v && typeof v === 'object' && !Array.isArray(v))
    return listText(Object.entries(v as Record<string, unknown>).map(([state, n]) => `${String(n)} ${state}`));
  return undefined;
}

/**
 * Graph's enum for a report-only Conditional Access policy, by the name the Entra admin
 * center shows it under ("report-only"); the value is unambiguous wherever it appears.
 */
export const caStateWords = (text: string): string => text.replace(/\benabledForReportingButNotEnforced\b/g, 'report-only');
