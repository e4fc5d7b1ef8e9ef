/**
 * The emergency access (break-glass) accounts the consultant named, as one Graph snapshot
 * shows them: found or not, and what keeps each from serving as one. Microsoft's guidance
 * (learn.microsoft.com, "Manage emergency access admin accounts", read 2026-12-02): cloud-only,
 * enabled, Global Administrator assigned permanently, excluded from Conditional Access but for
 * a dedicated policy. GR-09 fails on these; the app shows them beside the list.
 */
import { ROLE } from '../roles';
import { isEnforced, usersOf } from './conditional-access';
import { str, strings, type TenantView } from './tenant-view';

/** The Graph check that assesses the named accounts (a public id). */
export const BREAK_GLASS_CHECK_ID = 'GR-09';

export interface NamedAccountStatus {
  /** The account as the consultant named it (user principal name or object id). */
  named: string;
  /** The user's object id and sign-in name when the snapshot has the user. */
  id: string | null;
  userPrincipalName: string | null;
  found: boolean;
  /** What keeps it from being usable ([] = usable). */
  problems: string[];
  /** Enforced Conditional Access policies excluding it, of all enforced ones; null when the policies were not read. */
  conditionalAccess: { excludedFrom: number; enforced: number } | null;
}

/** Users by lower-cased object id and sign-in name. */
function usersByName(view: TenantView): Map<string, { id: string; upn: string | null; user: Readonly<Record<string, unknown>> }> {
  const out = new Map<string, { id: string; upn: string | null; user: Readonly<Record<string, unknown>> }>();
  for (const [id, user] of view.byId('users')) {
    const upn = str(user.userPrincipalName) ?? null;
    const entry = { id, upn, user };
    out.set(id.toLowerCase(), entry);
    if (upn) out.set(upn.toLowerCase(), entry);
  }
  return out;
}

function problemsOf(user: Readonly<Record<string, unknown>> | undefined, globalAdmin: boolean): string[] {
  const problems: string[] = [];
  if (!user) problems.push('not found');
  else {
    if (user.accountEnabled === false) problems.push('disabled');
    if (user.onPremisesSyncEnabled === true) problems.push('synchronised from on-premises');
  }
  if (!globalAdmin) problems.push('not an active Global Administrator');
  return problems;
}

/**
 * Each named account as the snapshot shows it, in the order named. Needs the users and role
 * assignments (throws `NotAssessedError` through the view when either was not read).
 */
export function namedAccountStatus(view: TenantView): NamedAccountStatus[] {
  view.require('users');
  const users = usersByName(view);
  const holders = view.privilegedHolders();
  const enforced = view.has('conditionalAccessPolicies') ? view.require('conditionalAccessPolicies').filter(isEnforced) : null;
  return (view.settings.breakGlassAccounts ?? []).map((named) => {
    const match = users.get(named.toLowerCase());
    // an object id the users collection lacks may still hold a role (e.g. a deleted user's assignment)
    const id = match?.id ?? (/^[0-9a-f-]{36}$/i.test(named) ? named.toLowerCase() : null);
    const globalAdmin = id !== null && holders.get(id)?.roles.get(ROLE.globalAdministrator) === 'active';
    return {
      named,
      id,
      userPrincipalName: match?.upn ?? null,
      found: match !== undefined,
      problems: problemsOf(match?.user, globalAdmin),
      conditionalAccess: enforced ? { excludedFrom: id ? enforced.filter((p) => strings(usersOf(p).excludeUsers).includes(id)).length : 0, enforced: enforced.length } : null,
    };
  });
}

/** One line per account for people: "found: enabled, cloud-only, active Global Administrator" or what is wrong. */
export function describeNamedAccount(status: NamedAccountStatus): string {
  if (!status.found) return 'not found in this snapshot';
  const state = status.problems.length === 0 ? 'found: enabled, cloud-only, active Global Administrator' : `found: ${status.problems.join(', ')}`;
  const ca = status.conditionalAccess;
  return ca ? `${state}; excluded from ${ca.excludedFrom} of ${ca.enforced} enforced Conditional Access ${ca.enforced === 1 ? 'policy' : 'policies'}` : state;
}
