/**
 * What the consultant types, as serialisable commands: the write queue journals each one
 * (see journal.ts) before running it, so a command cut off by a closing window runs again
 * at the next start.
 */
import { bundledPack } from '../content/bundled-pack';
import { saveAnswer, type AnswerInput } from './answers-repository';
import { patchEngagement, renameAssessment, updateClient } from './assessments-repository';
import type { Engagement } from './database';
import { getIncidentSetup, saveIncidentDetails, saveIncidentSetup, updateContact, type ContactInput, type IncidentDetails } from './incident-repository';
import { editRisk, type RiskEdit } from './risks-repository';
import { saveProviderWorksheet } from './provider-worksheets-repository';
import type { ProviderWorksheet } from '../../core/bundle/schema';

export type Command =
  | { kind: 'answer'; assessmentId: string; questionId: string; input: AnswerInput; progress?: { answered: number; total: number } }
  | { kind: 'engagement'; assessmentId: string; changes: Partial<Engagement> }
  | { kind: 'rename'; assessmentId: string; name: string }
  | { kind: 'client'; assessmentId: string; client: string }
  | { kind: 'contact'; contactId: string; input: ContactInput }
  | { kind: 'incident-setup'; assessmentId: string; supportPlan?: string; escalationNotes?: string }
  | { kind: 'incident-details'; assessmentId: string; changes: IncidentDetails }
  | { kind: 'risk-edit'; assessmentId: string; riskId: string; edit: RiskEdit; by: string }
  | { kind: 'provider-worksheet'; assessmentId: string; sheet: ProviderWorksheet };

export async function executeCommand(command: Command): Promise<void> {
  switch (command.kind) {
    case 'answer':
      return saveAnswer(command.assessmentId, command.questionId, command.input, bundledPack(), command.progress);
    case 'engagement':
      return patchEngagement(command.assessmentId, command.changes);
    case 'rename':
      return renameAssessment(command.assessmentId, command.name);
    case 'client':
      return updateClient(command.assessmentId, command.client);
    case 'contact':
      return updateContact(command.contactId, command.input);
    case 'incident-setup': {
      const latest = await getIncidentSetup(command.assessmentId);
      return saveIncidentSetup(command.assessmentId, {
        supportPlan: command.supportPlan ?? latest?.supportPlan ?? '',
        escalationNotes: command.escalationNotes ?? latest?.escalationNotes ?? '',
      });
    }
    case 'incident-details':
      return saveIncidentDetails(command.assessmentId, command.changes);
    case 'risk-edit':
      return editRisk(command.assessmentId, command.riskId, command.edit, command.by, bundledPack());
    case 'provider-worksheet': {
      const items = bundledPack().commitments?.worksheet;
      if (!items) throw new Error('The content pack has no provider-commitment worksheet.');
      return saveProviderWorksheet(command.assessmentId, command.sheet, items);
    }
  }
}
