/** Incident response setup: contacts (roles, deputies) and the Microsoft support plan. */
import { z } from 'zod';
import { database, type ContactRecord, type IncidentSetupRecord } from './database';
import { now } from './assessments-repository';

/** The plans the setup offers (defined with the bundle schema, which accepts exactly these). */
export { SUPPORT_PLANS } from '../../core/bundle/schema';

const field = (max: number) => z.string().max(max, `Keep this under ${max} characters.`);

export const contactSchema = z.strictObject({
  name: field(200),
  role: field(200),
  phone: field(100),
  email: field(320),
  deputy: field(200),
});
export type ContactInput = z.infer<typeof contactSchema>;

export function listContacts(assessmentId: string): Promise<ContactRecord[]> {
  return database().contacts.where('assessmentId').equals(assessmentId).sortBy('order');
}

export async function addContact(assessmentId: string, input: Partial<ContactInput> = {}): Promise<string> {
  const value = contactSchema.parse({ name: '', role: '', phone: '', email: '', deputy: '', ...input });
  const db = database();
  const id = crypto.randomUUID();
  await db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.where('assessmentId').equals(assessmentId).toArray();
    const order = existing.reduce((max, c) => Math.max(max, c.order), -1) + 1;
    await db.contacts.add({ id, assessmentId, order, ...value });
  });
  return id;
}

export async function updateContact(id: string, input: ContactInput): Promise<void> {
  const value = contactSchema.parse(input);
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
