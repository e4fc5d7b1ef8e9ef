/**
 * The heading a person reads for a pre-flight item. An item's id (`contradiction:support-plan`,
 * `dont-know:R-005`) is a stable key for its acceptance, not a name: the screen and the
 * accessible names of its buttons say what the item is about instead.
 */
import type { PreflightItem, PreflightKind } from '../../../core/report/preflight';

const KIND_HEADING: Record<PreflightKind, string> = {
  contradiction: 'Contradiction',
  'dont-know': 'Rests on “Don’t know”',
  owner: 'No action owner',
  'ir-role': 'IR role nobody holds',
  placeholder: 'Placeholder',
  'document-control': 'Document control',
  version: 'Version and status',
  'not-assessed': 'Graph check not assessed',
};

/** Subjects spelled as kebab-case keys, and how to say them. */
const SUBJECT: Record<string, string> = {
  'support-plan': 'Microsoft support plan',
  'security-partner': 'security partner',
  'incident-lead': 'incident lead',
  partner: 'engagement partner',
  'qa-reviewer': 'QA reviewer',
  sponsor: 'client sponsor',
};

/** `contradiction:support-plan` -> "Contradiction: Microsoft support plan"; `dont-know:R-005` -> "Rests on “Don’t know”: R-005". */
export function preflightHeading(item: Pick<PreflightItem, 'id' | 'kind'>): string {
  const colon = item.id.indexOf(':');
  const subject = colon < 0 ? '' : item.id.slice(colon + 1);
  if (item.kind === 'version' || subject === '') return KIND_HEADING[item.kind];
  return `${KIND_HEADING[item.kind]}: ${SUBJECT[subject] ?? subject}`;
}
