/**
 * The incident-response roles the plan needs, how a contact is mapped to them, and which are
 * still unfilled. Pure: the report model, the app's contact editor and the pre-flight check
 * all read the same vocabulary.
 *
 * A bundle contact carries its roles in `responsibilities` as `IR role: <id>` entries (the
 * label is accepted too) next to the existing `Deputy: <name>` entry. Contacts without any
 * tagged role are matched by their job title, so bundles written before roles existed still
 * fill the obvious roles.
 */
import type { AssessmentBundle } from '../bundle/schema';

export const IR_ROLE_IDS = [
  'incident-lead',
  'incident-deputy',
  'ciso-sponsor',
  'legal-dpo',
  'communications',
  'it-cloud-platform',
  'mssp',
  'insurer',
  'microsoft-support',
  'microsoft-ir',
] as const;
export type IrRoleId = (typeof IR_ROLE_IDS)[number];

export interface IrRoleDefinition {
  id: IrRoleId;
  label: string;
  /** what the person does during an incident */
  duty: string;
  /** required: an unfilled role is a gap the pre-flight check reports; others are shown as gaps in the plan only */
  required: boolean;
  /** job titles that fill the role when no contact is tagged with it */
  titleMatch: RegExp;
}

export const IR_ROLES: readonly IrRoleDefinition[] = [
  { id: 'incident-lead', label: 'Incident lead', duty: 'Declares and classifies the incident, owns decisions and the timeline, chairs the response calls.', required: true, titleMatch: /incident (lead|commander|manager)|\bir lead|head of security|security manager/i },
  { id: 'incident-deputy', label: 'Deputy incident lead', duty: 'Takes over when the incident lead is unavailable or off shift.', required: true, titleMatch: /deputy incident|incident deputy/i },
  { id: 'ciso-sponsor', label: 'CISO / executive sponsor', duty: 'Approves business decisions: shutdowns, ransom stance, disclosure, spending.', required: true, titleMatch: /\bciso\b|\bcio\b|\bcto\b|\bceo\b|\bcoo\b|\bcfo\b|chief|executive sponsor/i },
  { id: 'legal-dpo', label: 'Legal / data protection officer', duty: 'Assesses notification duties to regulators, customers and insurers; preserves privilege.', required: true, titleMatch: /legal|privacy|\bdpo\b|data protection|counsel/i },
  { id: 'communications', label: 'Communications', duty: 'Internal, customer and press statements from approved templates.', required: true, titleMatch: /communicat|\bpr\b|press|media relations/i },
  { id: 'it-cloud-platform', label: 'IT / cloud platform', duty: 'Executes containment and recovery in Azure and Microsoft 365: access, network, backups.', required: true, titleMatch: /azure|cloud|platform|infrastructure|devops|it operations/i },
  { id: 'mssp', label: 'MSSP / SOC', duty: 'Triages alerts, investigates and scopes the incident, proposes containment.', required: false, titleMatch: /\bsoc\b|mssp|\bmdr\b|security operations/i },
  { id: 'insurer', label: 'Cyber insurer', duty: 'Must be told early; may require its own panel of responders and lawyers.', required: false, titleMatch: /insur|broker/i },
  { id: 'microsoft-support', label: 'Microsoft support', duty: 'Opens and escalates severity A cases under the client’s support contract.', required: true, titleMatch: /microsoft support|support contract|unified support|csam|customer success account/i },
  { id: 'microsoft-ir', label: 'Microsoft Incident Response', duty: 'Microsoft’s own incident responders, engaged through a retainer, Unified support or the account team.', required: false, titleMatch: /microsoft incident response|\bdart\b/i },
];

const BY_ID = new Map(IR_ROLES.map((r) => [r.id, r]));
export const irRoleLabel = (id: IrRoleId): string => BY_ID.get(id)!.label;

/** The prefix of a role entry in a bundle contact's `responsibilities`. */
export const IR_ROLE_PREFIX = 'IR role: ';
/** The prefix of the deputy entry (the app's Deputy column). */
export const DEPUTY_PREFIX = 'Deputy: ';

/** Role ids tagged on a contact (`IR role: incident-lead` or `IR role: Incident lead`), unknown entries ignored. */
export function taggedRoles(responsibilities: readonly string[] | undefined): IrRoleId[] {
  const out: IrRoleId[] = [];
  for (const entry of responsibilities ?? []) {
    if (!entry.startsWith(IR_ROLE_PREFIX)) continue;
    const value = entry.slice(IR_ROLE_PREFIX.length).trim().toLowerCase();
    const role = IR_ROLES.find((r) => r.id === value || r.label.toLowerCase() === value);
    if (role && !out.includes(role.id)) out.push(role.id);
  }
  return out;
}

/** The known role ids among stored strings (the app's rows), in vocabulary order. */
export const knownRoles = (ids: readonly string[] | undefined): IrRoleId[] => IR_ROLE_IDS.filter((id) => ids?.includes(id));

/** `responsibilities` for a contact: the role entries, then the deputy, then any other entries kept as they were. */
export function responsibilitiesWith(roles: readonly IrRoleId[], deputy: string, others: readonly string[] = []): string[] {
  const kept = others.filter((e) => !e.startsWith(IR_ROLE_PREFIX) && !e.startsWith(DEPUTY_PREFIX));
  return [...roles.map((r) => `${IR_ROLE_PREFIX}${r}`), ...(deputy.trim() ? [`${DEPUTY_PREFIX}${deputy.trim()}`] : []), ...kept];
}

export const deputyOf = (responsibilities: readonly string[] | undefined): string =>
  responsibilities?.find((x) => x.startsWith(DEPUTY_PREFIX))?.slice(DEPUTY_PREFIX.length).trim() ?? '';

type Contact = AssessmentBundle['contacts'][number];

export interface RoleAssignment {
  role: IrRoleDefinition;
  /** contacts filling the role, in the bundle's order ([] = a gap) */
  contacts: Contact[];
  /** the name only, when the role is filled by someone named as a deputy but not in the contact list */
  namedOnly?: string;
  /** how the role was filled */
  basis: 'tagged' | 'title' | 'deputy' | 'none';
}

/**
 * Who fills each role. A role tagged on any contact is filled by exactly the tagged contacts;
 * otherwise by contacts whose job title matches; the deputy role also by the incident lead's
 * `Deputy:` entry (the person is looked up in the contacts by name).
 */
export function assignIrRoles(contacts: readonly Contact[]): RoleAssignment[] {
  const named = contacts.filter((c) => c.name.trim() !== '');
  const assignments = IR_ROLES.map((role): RoleAssignment => {
    const tagged = named.filter((c) => taggedRoles(c.responsibilities).includes(role.id));
    if (tagged.length > 0) return { role, contacts: tagged, basis: 'tagged' };
    const byTitle = named.filter((c) => taggedRoles(c.responsibilities).length === 0 && role.titleMatch.test(c.role));
    return byTitle.length > 0 ? { role, contacts: byTitle, basis: 'title' } : { role, contacts: [], basis: 'none' };
  });
  const deputy = assignments.find((a) => a.role.id === 'incident-deputy')!;
  const lead = assignments.find((a) => a.role.id === 'incident-lead')!;
  if (deputy.contacts.length === 0) {
    const name = lead.contacts.map((c) => deputyOf(c.responsibilities)).find((n) => n !== '');
    if (name) {
      const person = named.find((c) => c.name.trim().toLowerCase() === name.toLowerCase());
      Object.assign(deputy, person ? { contacts: [person], basis: 'deputy' } : { namedOnly: name, basis: 'deputy' });
    }
  }
  return assignments;
}

export const isFilled = (a: RoleAssignment): boolean => a.contacts.length > 0 || a.namedOnly !== undefined;

/** An item the IR setup still lacks; ids are stable so the pre-flight check can record acceptances. */
export interface IrSetupGap {
  id: string;
  /** required items must be fixed or accepted before the plan is final */
  required: boolean;
  message: string;
}

/** Required IR roles nobody fills (for the pre-flight check). */
export function unassignedRequiredIrRoles(bundle: Pick<AssessmentBundle, 'contacts'>): IrRoleDefinition[] {
  return assignIrRoles(bundle.contacts)
    .filter((a) => a.role.required && !isFilled(a))
    .map((a) => a.role);
}

/** Everything the IR plan would print as a gap: unfilled roles, no approver, no out-of-band channel, no decision rights. */
export function irSetupGaps(bundle: Pick<AssessmentBundle, 'contacts' | 'incidentResponse'>): IrSetupGap[] {
  const gaps: IrSetupGap[] = assignIrRoles(bundle.contacts)
    .filter((a) => !isFilled(a))
    .map((a) => ({ id: `ir-role:${a.role.id}`, required: a.role.required, message: `No contact holds the IR role “${a.role.label}”.` }));
  const ir = bundle.incidentResponse;
  if (!ir?.planApprover?.trim()) gaps.push({ id: 'ir:plan-approver', required: true, message: 'Nobody is named to approve the incident response plan.' });
  if (!ir?.outOfBandChannel?.trim()) gaps.push({ id: 'ir:out-of-band', required: true, message: 'No out-of-band channel is recorded for when email and Teams are unavailable.' });
  const holders = (ir?.decisionRights ?? []).filter((d) => d.holder.trim());
  if (holders.length === 0) gaps.push({ id: 'ir:decision-rights', required: true, message: 'No decision rights are recorded (who may isolate a service, invoke DR, notify regulators).' });
  return gaps;
}
