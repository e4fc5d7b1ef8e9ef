import type { AssessmentBundle } from '../bundle/schema';
import type { ReportOptions } from './types';

/**
 * The deliverable's status and version: explicit options win, then the bundle's `deliverable`
 * settings, then defaults that agree with each other (a draft is 0.9 "Draft for review", a final
 * 1.0 "Final"). The template's version is used only when it agrees with the status.
 */

export type DeliverableStatus = 'draft' | 'final';

export const STATUS_LABEL: Record<DeliverableStatus, string> = { draft: 'Draft for review', final: 'Final' };

const DEFAULT_VERSION: Record<DeliverableStatus, string> = { draft: '0.9', final: '1.0' };

/** True when a version reads as a draft (0.x). */
export const isDraftVersion = (version: string): boolean => /^\s*0(\.|\s*$)/.test(version);

/** True when the version agrees with the status: a draft is 0.x, a final is 1.0 or later. */
export function versionAgrees(status: DeliverableStatus, version: string): boolean {
  return status === 'draft' ? isDraftVersion(version) : /^\s*[1-9]/.test(version);
}

/** The status of the deliverable: options, then settings, then final only when the assessment is final. */
export function deliverableStatus(bundle: AssessmentBundle, options: Pick<ReportOptions, 'status'>): DeliverableStatus {
  return options.status ?? bundle.deliverable?.status ?? (bundle.assessment.status === 'final' ? 'final' : 'draft');
}

/** The version printed on the document, and its status. */
export function deliverableVersion(bundle: AssessmentBundle, options: Pick<ReportOptions, 'status' | 'version'>, templateVersion: string): { status: DeliverableStatus; version: string; label: string } {
  const status = deliverableStatus(bundle, options);
  const version = options.version ?? bundle.deliverable?.version ?? (versionAgrees(status, templateVersion) ? templateVersion : DEFAULT_VERSION[status]);
  return { status, version, label: STATUS_LABEL[status] };
}
