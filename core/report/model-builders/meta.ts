import { interviewProgress } from '../../interview/flow';
import { longDate, MODEL_LABEL } from '../labels';
import type { PlaceholderName } from '../template';
import type { DocumentControl, ReportModel, RiskView } from '../types';
import { scopeAnswer, type ModelContext } from './context';
import { inScopeModels, snapshotTime, subscriptionsInScope } from './scope';

/** The engagement dates as recorded, e.g. '23 November 2026 – 24 November 2026' ('' when none). */
export function engagementDates(ctx: ModelContext): string {
  const { startDate, endDate } = ctx.bundle.assessment.engagement ?? {};
  if (startDate && endDate) return startDate === endDate ? longDate(startDate) : `${longDate(startDate)} – ${longDate(endDate)}`;
  if (startDate) return `From ${longDate(startDate)}`;
  if (endDate) return `Until ${longDate(endDate)}`;
  return '';
}

/** Workshop attendees as recorded, blanks named as such. */
export function workshopAttendees(ctx: ModelContext): ReportModel['scope']['attendees'] {
  return (ctx.bundle.assessment.engagement?.attendees ?? [])
    .map((x) => ({ name: ctx.clean(x.name), role: ctx.clean(x.role) }))
    .filter((x) => x.name || x.role)
    .map((x) => ({ name: x.name || 'Not named', role: x.role || 'Not stated' }));
}

/** The client's Microsoft support plan: from the IR setup when chosen, otherwise the interview answer (IRP-05). */
export function supportPlan(ctx: ModelContext): string {
  const setupPlan = ctx.bundle.incidentResponse?.supportPlan;
  const irp05 = scopeAnswer(ctx, 'IRP-05');
  if (setupPlan && setupPlan !== 'Not known') return setupPlan;
  return irp05 === 'Not answered' && setupPlan ? setupPlan : irp05;
}

/** Identity of the document: client, engagement, version, date, classification, authorship. */
export interface DocumentIdentity {
  client: string;
  engagement: string;
  version: string;
  date: string;
  classification: string;
  firmName: string;
  preparedFor: string;
}

export function documentIdentity(ctx: ModelContext): DocumentIdentity {
  const { clean, options } = ctx;
  const { manifest } = ctx.template;
  const a = ctx.bundle.assessment;
  const client = clean(a.client) || 'the client';
  const recorded = a.engagement?.classification;
  return {
    client,
    engagement: clean(a.name),
    version: clean(options.version ?? manifest.document.version),
    date: longDate(ctx.reportDate),
    classification: recorded ? clean(recorded) || manifest.classification.marking : manifest.classification.marking,
    firmName: manifest.branding.firmName,
    preparedFor: clean(options.preparedFor ?? client),
  };
}

/** Replaces `{{placeholders}}` in a manifest string with plain-text values (substituted once). */
export function fillPlaceholders(text: string, values: Readonly<Record<PlaceholderName, string>>): string {
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, n: string) => values[n.trim() as PlaceholderName] ?? '');
}

/** Values of every template placeholder. */
export function placeholderValues(ctx: ModelContext, id: DocumentIdentity, risks: readonly RiskView[], posture: ReportModel['posture'], counts: ReportModel['responsibility']['counts']): Record<PlaceholderName, string> {
  const { pack, matrix, template, clean } = ctx;
  const { manifest } = template;
  const consultant = ctx.bundle.assessment.consultant;
  const preparedBy = consultant ? `${clean(consultant)}, ${id.firmName}` : id.firmName;
  const values: Record<PlaceholderName, string> = {
    client: id.client,
    engagement: id.engagement,
    reportTitle: manifest.document.reportTitle,
    irPlanTitle: manifest.document.irPlanTitle,
    firmName: id.firmName,
    preparedBy,
    preparedFor: id.preparedFor,
    version: id.version,
    date: id.date,
    classification: id.classification,
    packTitle: pack.header.title,
    packVersion: pack.header.version,
    matrixTitle: matrix.title,
    matrixVersion: String(matrix.version),
    matrixSource: matrix.source,
    riskMatrixTitle: pack.riskMatrix.title,
    riskMatrixSource: pack.riskMatrix.source,
    snapshotTime: snapshotTime(ctx),
    resourceCount: String(ctx.bundle.inventory.resources.length),
    subscriptionCount: String(subscriptionsInScope(ctx).length),
    riskCount: String(risks.length),
    customerRiskCount: String(counts.customer),
    microsoftRiskCount: String(counts.microsoft),
    sharedRiskCount: String(counts.shared),
    postureRating: posture.rating,
    questionsAnswered: String(interviewProgress(pack, ctx.bundle.answers).answered),
    serviceModels: inScopeModels(ctx).map((m) => MODEL_LABEL[m]).join(', '),
    supportPlan: supportPlan(ctx),
    criticality: scopeAnswer(ctx, 'SCOPE-CRITICALITY'),
  };
  // the template's own "prepared by" may use placeholders; a named consultant wins
  values.preparedBy = consultant ? preparedBy : fillPlaceholders(manifest.document.preparedBy, values);
  return values;
}

/** Version history, reviewers and distribution: as given in the options, else from the assessment. */
export function documentControl(ctx: ModelContext, id: DocumentIdentity, preparedBy: string): DocumentControl {
  const { clean } = ctx;
  const a = ctx.bundle.assessment;
  const given = ctx.options.documentControl;
  const contacts = ctx.bundle.contacts.filter((c) => c.name.trim() !== '');
  return {
    versions: given?.versions ?? [
      { version: '0.1', date: longDate(a.createdAt), author: preparedBy, change: 'Assessment started; interview and inventory collection' },
      { version: id.version, date: id.date, author: preparedBy, change: a.status === 'final' ? 'Issued to the client' : 'Draft for client review' },
    ],
    reviewers: given?.reviewers ?? [{ name: preparedBy, role: 'Author' }, ...contacts.slice(0, 2).map((c) => ({ name: clean(c.name), role: `${clean(c.role)} (client reviewer)` }))],
    distribution: given?.distribution ?? contacts.map((c) => ({ name: clean(c.name), organisation: clean(c.organisation ?? id.client), role: clean(c.role) })),
  };
}

/** Document metadata: titles, parties, classification and its notice, properties. */
export function documentMeta(ctx: ModelContext, id: DocumentIdentity, placeholders: Record<PlaceholderName, string>): ReportModel['meta'] {
  const { manifest } = ctx.template;
  return {
    title: manifest.document.reportTitle,
    irPlanTitle: manifest.document.irPlanTitle,
    client: id.client,
    engagement: id.engagement,
    version: id.version,
    date: id.date,
    classification: id.classification,
    classificationNotice: fillPlaceholders(manifest.classification.notice, placeholders),
    preparedBy: placeholders.preparedBy,
    preparedFor: id.preparedFor,
    engagementId: ctx.clean(ctx.bundle.assessment.engagement?.engagementId ?? '', 100),
    engagementDates: engagementDates(ctx),
    firmName: id.firmName,
    keywords: ['shared responsibility', 'risk assessment', 'Azure', 'Microsoft 365', 'incident response', id.client].join(', '),
    subject: `${id.engagement} — ${id.client}`,
    masked: ctx.mask,
  };
}
