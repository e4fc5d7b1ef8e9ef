import { interviewProgress } from '../../interview/flow';
import { deliverableVersion } from '../deliverable';
import { counted, longDate, MODEL_LABEL } from '../labels';
import { fillText, type PlaceholderName } from '../template';
import type { DocumentControl, ReportModel, RiskView } from '../types';
import { scopeAnswer, type ModelContext } from './context';
import { engagementDates } from './engagement';
import { inScopeModels, snapshotTime, subscriptionsInScope } from './scope';

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
  /** 'Draft for review' or 'Final' */
  statusLabel: string;
  status: 'draft' | 'final';
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
  const { status, version, label } = deliverableVersion(ctx.bundle, options, manifest.document.version);
  return {
    client,
    engagement: clean(a.name),
    version: clean(version),
    status,
    statusLabel: label,
    date: longDate(ctx.reportDate),
    classification: recorded ? clean(recorded) || manifest.classification.marking : manifest.classification.marking,
    firmName: manifest.branding.firmName,
    preparedFor: clean(options.preparedFor ?? client),
  };
}

/** Replaces `{{placeholders}}` in a manifest string with plain-text values (substituted once). */
export function fillPlaceholders(text: string, values: Readonly<Record<PlaceholderName, string>>): string {
  return fillText(text, values);
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
    subscriptions: counted(subscriptionsInScope(ctx).length, 'subscription'),
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
  const given = ctx.options.documentControl;
  const contacts = ctx.bundle.contacts.filter((c) => c.name.trim() !== '');
  return {
    versions: given?.versions ?? versionHistory(ctx, id, preparedBy),
    reviewers: given?.reviewers ?? signatories(ctx, preparedBy),
    distribution: given?.distribution ?? contacts.filter((c) => isClientStaff(c.organisation, id.client)).map((c) => ({ name: clean(c.name), organisation: clean(c.organisation ?? id.client), role: clean(c.role) })),
  };
}

/**
 * The report names the client's weaknesses: by default it goes to the client's own people only.
 * The IR contact sheet's outside parties (the MSSP, the insurer, Microsoft, counsel) are not
 * on its distribution list; the client decides what to share with them.
 */
function isClientStaff(organisation: string | undefined, client: string): boolean {
  const org = organisation?.trim().toLowerCase() ?? '';
  return org === '' || org === client.trim().toLowerCase();
}

/** The start of the assessment, then this issue; its last line always agrees with the status. */
function versionHistory(ctx: ModelContext, id: DocumentIdentity, preparedBy: string): DocumentControl['versions'] {
  const issued = { version: id.version, date: id.date, author: preparedBy, change: id.status === 'final' ? 'Final: issued to the client' : 'Draft for review' };
  if (id.version === '0.1') return [issued];
  return [{ version: '0.1', date: longDate(ctx.bundle.assessment.createdAt), author: preparedBy, change: 'Assessment started; interview and inventory collection' }, issued];
}

/**
 * Who signs: the author, the engagement partner, the quality reviewer and the client's sponsor
 * (deliverable settings). Without any of the three, the first two named contacts review, as before.
 */
function signatories(ctx: ModelContext, preparedBy: string): DocumentControl['reviewers'] {
  const { clean } = ctx;
  const d = ctx.bundle.deliverable;
  const named: DocumentControl['reviewers'] = [];
  if (d?.partner) named.push({ name: clean(d.partner), role: 'Engagement partner (approves)' });
  if (d?.qaReviewer) named.push({ name: clean(d.qaReviewer), role: 'Quality reviewer' });
  if (d?.sponsor) named.push({ name: clean(d.sponsor), role: `Client sponsor, ${clean(ctx.bundle.assessment.client) || 'the client'} (accepts)` });
  const contacts = ctx.bundle.contacts.filter((c) => c.name.trim() !== '');
  const fallback = named.length > 0 ? [] : contacts.slice(0, 2).map((c) => ({ name: clean(c.name), role: `${clean(c.role)} (client reviewer)` }));
  return [{ name: preparedBy, role: 'Author' }, ...named, ...fallback];
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
    statusLabel: id.statusLabel,
    date: id.date,
    classification: id.classification,
    classificationNotice: fillPlaceholders(manifest.classification.notice, placeholders),
    preparedBy: placeholders.preparedBy,
    preparedFor: id.preparedFor,
    sponsor: ctx.clean(ctx.bundle.deliverable?.sponsor ?? ''),
    partner: ctx.clean(ctx.bundle.deliverable?.partner ?? ''),
    engagementId: ctx.clean(ctx.bundle.assessment.engagement?.engagementId ?? '', 100),
    engagementDates: engagementDates(ctx),
    firmName: id.firmName,
    keywords: ['shared responsibility', 'risk assessment', 'Azure', 'Microsoft 365', 'incident response', id.client].join(', '),
    subject: `${id.engagement} — ${id.client}`,
    masked: ctx.mask,
  };
}
