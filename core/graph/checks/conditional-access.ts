/**
 * Reading Conditional Access policies as Microsoft documents them (conditionalAccessPolicy,
 * conditionalAccessUsers, conditionalAccessGrantControls on learn.microsoft.com, read
 * 2026-12-02): only `state: enabled` enforces ("enabledForReportingButNotEnforced" is
 * report-only); exclusions win over inclusions; with `operator: OR`, any one grant control
 * satisfies the policy, so MFA next to, say, `compliantDevice` is not required.
 */
import { obj, str, strings, type GraphObject } from './tenant-view';

export const isEnforced = (policy: GraphObject): boolean => str(policy.state) === 'enabled';
export const isReportOnly = (policy: GraphObject): boolean => str(policy.state) === 'enabledForReportingButNotEnforced';

export function usersOf(policy: GraphObject): GraphObject {
  return obj(obj(policy.conditions).users);
}

/** Targets every cloud app. */
export function coversAllApps(policy: GraphObject): boolean {
  return strings(obj(obj(policy.conditions).applications).includeApplications).includes('All');
}

/** Targets every user (`includeUsers: ["All"]`). */
export function coversAllUsers(policy: GraphObject): boolean {
  return strings(usersOf(policy).includeUsers).includes('All');
}

/** The grant forces MFA: `mfa` or an authentication strength, and no alternative control under OR. */
export function requiresMfa(policy: GraphObject): boolean {
  const grant = obj(policy.grantControls);
  const controls = strings(grant.builtInControls);
  const strength = grant.authenticationStrength !== undefined && grant.authenticationStrength !== null;
  if (!controls.includes('mfa') && !strength) return false;
  const alternatives = controls.filter((c) => c !== 'mfa');
  return str(grant.operator) === 'AND' || alternatives.length === 0;
}

export function blocks(policy: GraphObject): boolean {
  return strings(obj(policy.grantControls).builtInControls).includes('block');
}

/**
 * Exclusions that weaken a policy: excluded users other than the named break-glass
 * accounts, any excluded group or role (their members cannot be checked here), and
 * excluded guests or external users.
 */
export function weakeningExclusions(policy: GraphObject, breakGlass: ReadonlySet<string>): string[] {
  const users = usersOf(policy);
  const out: string[] = [];
  for (const id of strings(users.excludeUsers)) if (!breakGlass.has(id)) out.push(`user ${id}`);
  for (const id of strings(users.excludeGroups)) out.push(`group ${id}`);
  for (const id of strings(users.excludeRoles)) out.push(`role ${id}`);
  const guests = obj(users.excludeGuestsOrExternalUsers);
  if (str(guests.guestOrExternalUserTypes) && str(guests.guestOrExternalUserTypes) !== 'none') out.push(`guests (${str(guests.guestOrExternalUserTypes)})`);
  return out;
}

/** Client app types named by the policy (`all` when unset, as Graph defaults). */
export function clientAppTypes(policy: GraphObject): string[] {
  const types = strings(obj(policy.conditions).clientAppTypes);
  return types.length === 0 ? ['all'] : types;
}

/** A short description of a policy for evidence. */
export function describePolicy(policy: GraphObject): string {
  return `${str(policy.displayName) ?? str(policy.id) ?? 'unnamed policy'} (${str(policy.state) ?? 'unknown state'})`;
}

export function policyCount(policies: readonly GraphObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of policies) counts[str(p.state) ?? 'unknown'] = (counts[str(p.state) ?? 'unknown'] ?? 0) + 1;
  return counts;
}

