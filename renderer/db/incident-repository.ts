/** Incident response setup: contacts (IR roles, deputies), the Microsoft support plan, and the plan's decisions. */
import { z } from 'zod';
import { IR_ROLE_IDS } from '../../core/report/ir-roles';
import { database, type ContactRecord, type DeliverableSettingsRecord, type IncidentSetupRecord } from './database';
import { now } from './assessments-repository';

/** The plans the setup offers (defined with the bundle schema, which accepts exactly these). */
export { SUPPORT_PLANS } from '../../core/bundle/schema';

const field = (max: number) => z.string().max(max, `Keep this under ${max} characters.`);

export const contactSchema = z.strictObject({
  name: field(200),
  role: field(200),
  // the bundle's limit (core/bundle/schema.ts ContactSchema); optional for commands journalled before it existed
  organisation: field(200).optional(),
  phone: field(100),
  email: field(320),
  deputy: field(200),
  roles: z.array(z.enum(IR_ROLE_IDS, 'Pick a role from the list.')).max(IR_ROLE_IDS.length).default([]),
});
/** What the contact editor writes; `roles` and `organisation` may be left out (commands journalled before they existed). */
export type ContactInput = z.input<typeof contactSchema>;

/** The contact editor's column names, so a refusal says which field is wrong in the screen's words. */
const CONTACT_LABEL: Record<keyof ContactInput, string> = {
  name: 'Name',
  role: 'Role',
  organisation: 'Organisation',
  phone: 'Phone',
  email: 'Email',
  deputy: 'Deputy',
  roles: 'IR roles',
};

export function listContacts(assessmentId: string): Promise<ContactRecord[]> {
  return database().contacts.where('assessmentId').equals(assessmentId).sortBy('order');
}

export async function addContact(assessmentId: string, input: Partial<ContactInput> = {}): Promise<string> {
  const value = contactSchema.parse({ name: '', role: '', organisation: '', phone: '', email: '', deputy: '', roles: [], ...input });
  const db = database();
  const id = crypto.randomUUID();
  await db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.where('assessmentId').equals(assessmentId).toArray();
    const order = existing.reduce((max, c) => Math.max(max, c.order), -1) + 1;
    await db.contacts.add({ id, assessmentId, order, ...value });
  });
  return id;
}

/** Saves the editor's row; nothing is written when a field is refused, and the error names the field. */
export async function updateContact(id: string, input: ContactInput): Promise<void> {
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${CONTACT_LABEL[i.path[0] as keyof ContactInput] ?? 'Contact'}: ${i.message}`).join(' '));
  const value = parsed.data;
  await database().transaction('rw', database().contacts, async () => {
    await database().contacts.update(id, value);
  });
}

export async function removeContact(id: string): Promise<void> {
  await database().transaction('rw', database().contacts, async () => {
    await database().contacts.delete(id);
  });
}

export const incidentSetupSchema = z.strictObject({
  supportPlan: field(200),
  escalationNotes: field(50_000),
});

export function getIncidentSetup(assessmentId: string): Promise<IncidentSetupRecord | undefined> {
  return database().incidentSetup.get(assessmentId);
}

export async function saveIncidentSetup(assessmentId: string, input: z.infer<typeof incidentSetupSchema>): Promise<void> {
  const value = incidentSetupSchema.parse(input);
  await database().transaction('rw', database().incidentSetup, async () => {
    // the row also holds the out-of-band channel, decision rights and clocks: keep them
    const existing = await database().incidentSetup.get(assessmentId);
    await database().incidentSetup.put({ ...existing, assessmentId, ...value, updatedAt: now() });
  });
}

/** The plan's own fields: out-of-band channel, approver, decision rights, contractual clocks. Blank rows are allowed while typing. */
export const incidentDetailsSchema = z.strictObject({
  outOfBandChannel: field(2000).optional(),
  planApprover: field(200).optional(),
  decisionRights: z.array(z.strictObject({ decision: field(500), holder: field(200), deputy: field(200) })).max(100, 'Keep to 100 decisions.').optional(),
  contractualClocks: z.array(z.strictObject({ counterparty: field(200), deadline: field(200), source: field(500) })).max(100, 'Keep to 100 clocks.').optional(),
});
export type IncidentDetails = z.infer<typeof incidentDetailsSchema>;

const DETAIL_LABEL: Record<string, string> = {
  outOfBandChannel: 'Out-of-band channel',
  planApprover: 'Plan approver',
  decisionRights: 'Decision right',
  contractualClocks: 'Contractual clock',
};

/** `decisionRights.0.holder` -> "Decision right 1, holder": where the problem is, in the screen's words. */
function detailPath(path: readonly PropertyKey[]): string {
  const [field, row, column] = path;
  const label = DETAIL_LABEL[String(field)] ?? String(field);
  return typeof row === 'number' ? `${label} ${row + 1}${column !== undefined ? `, ${String(column)}` : ''}` : label;
}

/** Saves the given fields of the plan, keeping every other field of the setup row. */
export async function saveIncidentDetails(assessmentId: string, input: IncidentDetails): Promise<void> {
  const parsed = incidentDetailsSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${detailPath(i.path)}: ${i.message}`).join(' '));
  const value = parsed.data;
  await database().transaction('rw', database().incidentSetup, async () => {
    const existing = await database().incidentSetup.get(assessmentId);
    await database().incidentSetup.put({ supportPlan: '', escalationNotes: '', ...existing, assessmentId, ...value, updatedAt: now() });
  });
}

/** The deliverable settings (IR plan layout, depth, sign-off) of an assessment, if any were saved. */
export function getDeliverableSettings(assessmentId: string): Promise<DeliverableSettingsRecord | undefined> {
  return database().deliverableSettings.get(assessmentId);
}
