import type { AssessmentBundle } from '../bundle/schema';
import type { ContentPack } from '../content/types';
import { deliverableVersion, versionAgrees } from './deliverable';
import { modelContext, scopeAnswer } from './model-builders/context';
import { supportPlan } from './model-builders/meta';
import { partnerConflict, restsOnDontKnow, supportPlanConflict, unknownChoices, verificationStep } from './recorded-facts';
import type { Inline, MdBlock, PlaceholderName, ReportTemplate } from './template';
import type { ReportOptions } from './types';

/**
 * The pre-flight check: what would embarrass the partner who signs the report, found before a
 * word is written. Pure: bundle + pack (+ template and report options) -> items. Each item has
 * a stable id (so an acceptance survives edits elsewhere), a severity (a blocker must be fixed
 * or accepted), a message naming where to fix it, and the acceptance when the consultant
 * accepted it (`bundle.deliverable.preflightAccepted`). The rules: docs/preflight.md.
 */

export type PreflightKind = 'contradiction' | 'dont-know' | 'owner' | 'ir-role' | 'placeholder' | 'document-control' | 'version' | 'not-assessed';
export type PreflightSeverity = 'blocker' | 'warning';
/** App screens an item is fixed on (ids of the app's areas). */
export type PreflightScreen = 'engagement' | 'interview' | 'inventory' | 'risks' | 'incident-response' | 'report';

export interface PreflightItem {
  /** stable, e.g. `contradiction:support-plan`, `dont-know:R-012`, `owner:R-044` */
  id: string;
  kind: PreflightKind;
  severity: PreflightSeverity;
  /** what is wrong */
  message: string;
  /** where to fix it: a screen and field, or a risk id */
  where: string;
  /** the app screen to fix it on (the Report screen links to it) */
  screen: PreflightScreen;
  accepted?: { reason: string; by?: string; at?: string };
}

export interface PreflightInput {
  bundle: AssessmentBundle;
  pack: ContentPack;
  /** the report template; without it, template placeholders are not checked */
  template?: ReportTemplate;
  options?: Pick<ReportOptions, 'status' | 'version'>;
}

export interface PreflightResult {
  items: PreflightItem[];
  /** blockers neither fixed nor accepted */
  openBlockers: number;
  /** items (any severity) not accepted */
  open: number;
}

type Rule = (input: Required<Pick<PreflightInput, 'bundle' | 'pack' | 'options'>> & Pick<PreflightInput, 'template'>) => PreflightItem[];

/** A contradiction between an answer and the IR setup: a blocker when they conflict, a warning when the answer is weaker. */
const contradiction = (topic: string, conflict: boolean, message: string, where: string): PreflightItem => ({
  id: `contradiction:${topic}`,
  kind: 'contradiction',
  severity: conflict ? 'blocker' : 'warning',
  message,
  where,
  screen: 'interview',
});

/** Support plan (IR setup) vs IRP-05, and a partner named in the IR setup vs TPR-01. */
const contradictions: Rule = ({ bundle, pack }) => {
  const out: PreflightItem[] = [];
  const s = supportPlanConflict(bundle, pack);
  if (s) {
    const message =
      s.kind === 'conflict'
        ? `The incident response setup records the support plan “${s.plan.plan}”, but the answer to IRP-05 is “${s.answer}”. One of them is wrong.`
        : `The answer to IRP-05 is “${s.answer}” although the incident response setup records the support plan “${s.plan.plan}”. The report states the recorded plan; update the answer.`;
    out.push(contradiction('support-plan', s.kind === 'conflict', message, 'Interview > IRP-05, or Incident response > Microsoft support plan'));
  }
  const p = partnerConflict(bundle, pack);
  if (p) {
    const named = `${p.partner.where} names a partner (“${p.partner.excerpt}”)`;
    const message =
      p.kind === 'unknown' ? `The answer to TPR-01 is “${p.answer}” although ${named}. The report states the record; update the answer.` : `The answer to TPR-01 is “${p.answer}”, but ${named}.`;
    out.push(contradiction('security-partner', p.kind === 'conflict', message, `Interview > TPR-01, or ${p.partner.where}`));
  }
  return out;
};

/** Risks resting only on "Don't know": the report says "to verify"; the consultant should verify. */
const dontKnow: Rule = ({ bundle, pack }) => {
  const unknown = unknownChoices(pack);
  return bundle.risks
    .filter((r) => restsOnDontKnow(r, unknown))
    .map((r) => ({
      id: `dont-know:${r.id}`,
      kind: 'dont-know' as const,
      severity: 'warning' as const,
      message: `${r.id} “${r.title}” rests only on “Don't know”; the report presents it as to verify. ${verificationStep(pack, r.evidence.answers.map((a) => a.questionId))}`,
      where: `Interview > ${r.evidence.answers.map((a) => a.questionId).join(', ')} (or accept it as to verify)`,
      screen: 'interview' as const,
    }));
};

/** Risks the client must act on without an action owner (accepted risks have their acceptor). */
const owners: Rule = ({ bundle }) =>
  bundle.risks
    .filter((r) => r.treatment !== 'accept' && !(r.actionOwner ?? '').trim())
    .map((r) => ({
      id: `owner:${r.id}`,
      kind: 'owner' as const,
      severity: 'warning' as const,
      message: `${r.id} “${r.title}” has no action owner; the report prints “To be assigned”.`,
      where: `Risks > ${r.id} > Action owner`,
      screen: 'risks' as const,
    }));

/** The IR roles a plan cannot work without, as the contact sheet must name them (matched as the IR plan's role table matches them). */
const REQUIRED_IR_ROLES: { id: string; role: string; pattern: RegExp }[] = [{ id: 'incident-lead', role: 'Incident commander (incident lead)', pattern: /incident (lead|commander|manager)|\bir lead|head of security|security manager/i }];

/**
 * IR roles no named contact holds (role or responsibilities). The seam for the IR plan's own
 * list of unassigned roles: when that lands, this reads it instead of the patterns above.
 */
export function unassignedIrRoles(bundle: AssessmentBundle): { id: string; role: string }[] {
  const named = bundle.contacts.filter((c) => c.name.trim() !== '');
  return REQUIRED_IR_ROLES.filter((r) => !named.some((c) => r.pattern.test([c.role, ...(c.responsibilities ?? [])].join('\n')))).map(({ id, role }) => ({ id, role }));
}

const irRoles: Rule = ({ bundle }) =>
  unassignedIrRoles(bundle).map((r) => ({
    id: `ir-role:${r.id}`,
    kind: 'ir-role' as const,
    severity: 'blocker' as const,
    message: `No named contact holds the role “${r.role}”; the IR plan would leave it unassigned.`,
    where: 'Incident response > Contacts (role)',
    screen: 'incident-response' as const,
  }));

/** The newest Microsoft Graph snapshot: the one the register derives from. */
function newestGraphSnapshot(bundle: AssessmentBundle): AssessmentBundle['inventory']['snapshots'][number] | undefined {
  return bundle.inventory.snapshots.filter((s) => s.source === 'graph-pull' || s.source === 'graph-import').sort((x, y) => (x.takenAt < y.takenAt ? 1 : -1))[0];
}

/**
 * GR-09 left not assessed on the newest Graph snapshot because no emergency access accounts
 * were named: the only Graph gap the consultant closes (licence and permission gaps are facts
 * the report states), and until then the claiming answers are taken on trust.
 */
const breakGlassUnnamed: Rule = ({ bundle, pack }) => {
  if (!newestGraphSnapshot(bundle)?.notAssessed?.some((n) => n.checkId === 'GR-09')) return [];
  const questions = [...pack.questions.values()].filter((q) => q.claims?.includes('GR-09')).map((q) => q.id);
  return [
    {
      id: 'not-assessed:GR-09',
      kind: 'not-assessed',
      severity: 'warning',
      message: `Microsoft Graph check GR-09 was not assessed: no emergency access (break-glass) accounts were named, so ${questions.length > 0 ? `the answer to ${questions.join(', ')} is` : 'its topic is'} taken on trust. Name them and the Graph checks are re-run.`,
      where: 'Inventory > Emergency access accounts',
      screen: 'inventory',
    },
  ];
};

const SCREEN_OF_PREFIX: [string, PreflightScreen][] = [
  ['Interview', 'interview'],
  ['Incident response', 'incident-response'],
  ['Report', 'report'],
  ['Inventory', 'inventory'],
];

/** The screen a "where" names first (the engagement screen holds the rest). */
const screenOf = (where: string): PreflightScreen => SCREEN_OF_PREFIX.find(([p]) => where.startsWith(p))?.[1] ?? 'engagement';

const PLACEHOLDER_IN_TEXT = /\{\{[^{}]*\}\}/;

/** Fields the consultant typed that still hold `{{…}}` (the report prints them literally). */
function typedFields(bundle: AssessmentBundle): [string, string][] {
  const a = bundle.assessment;
  const ir = bundle.incidentResponse;
  return [
    ['Engagement > assessment name', a.name],
    ['Engagement > client', a.client],
    ['Engagement > engagement reference', a.engagement?.engagementId ?? ''],
    ['Engagement > classification', a.engagement?.classification ?? ''],
    ['Engagement > scope notes', a.scope.notes ?? ''],
    ['Incident response > Escalation notes', ir?.escalationNotes ?? ''],
    ['Incident response > Out-of-band channel', ir?.outOfBandChannel ?? ''],
    ['Incident response > Plan approver', ir?.planApprover ?? ''],
    ['Report > Partner', bundle.deliverable?.partner ?? ''],
    ['Report > QA reviewer', bundle.deliverable?.qaReviewer ?? ''],
    ['Report > Sponsor', bundle.deliverable?.sponsor ?? ''],
    ...bundle.contacts.map((c): [string, string] => [`Incident response > Contacts (${c.name || 'unnamed'})`, [c.name, c.role, c.organisation ?? ''].join(' ')]),
    ...Object.entries(bundle.answers).map(([id, ans]): [string, string] => [`Interview > ${id} > note`, ans.note ?? '']),
  ];
}

const inlinesOf = (b: MdBlock): Inline[] => (b.kind === 'paragraph' || b.kind === 'heading' ? b.inlines : b.items.flat());

/** Placeholders the template's text blocks use, with the block files that use each. */
function usedPlaceholders(template: ReportTemplate): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const block of template.blocks.values())
    for (const b of block.blocks)
      for (const i of inlinesOf(b))
        if (i.kind === 'placeholder') {
          let files = used.get(i.name);
          if (!files) used.set(i.name, (files = new Set()));
          files.add(block.file);
        }
  return used;
}

/** The placeholders whose value can be missing, and where the consultant fills them. */
function missingPlaceholderValues(bundle: AssessmentBundle, pack: ContentPack, template: ReportTemplate): Map<PlaceholderName, string> {
  const ctx = modelContext(bundle, pack, template, {});
  const values: [PlaceholderName, string, string][] = [
    ['supportPlan', supportPlan(ctx), 'Incident response > Microsoft support plan (or Interview > IRP-05)'],
    ['criticality', scopeAnswer(ctx, 'SCOPE-CRITICALITY'), 'Interview > SCOPE-CRITICALITY'],
    ['client', bundle.assessment.client.trim(), 'Engagement > client'],
  ];
  return new Map(values.filter(([, v]) => v === '' || v === 'Not answered').map(([name, , where]) => [name, where]));
}

/** `{{…}}` typed into fields, and template placeholders whose value would print empty or "Not answered". */
const placeholders: Rule = ({ bundle, pack, template }) => {
  const out: PreflightItem[] = typedFields(bundle)
    .filter(([, text]) => PLACEHOLDER_IN_TEXT.test(text))
    .map(([where, text]) => ({
      id: `placeholder:${where}`,
      kind: 'placeholder' as const,
      severity: 'blocker' as const,
      message: `“${PLACEHOLDER_IN_TEXT.exec(text)![0]}” is left in a field; the report prints it as typed.`,
      where,
      screen: screenOf(where),
    }));
  if (!template) return out;
  const used = usedPlaceholders(template);
  for (const [name, where] of missingPlaceholderValues(bundle, pack, template)) {
    const files = used.get(name);
    if (!files) continue;
    out.push({
      id: `placeholder:{{${name}}}`,
      kind: 'placeholder',
      severity: 'blocker',
      message: `The template uses {{${name}}} (${[...files].join(', ')}) but it has no value: the report would print it empty or “Not answered”.`,
      where,
      screen: screenOf(where),
    });
  }
  return out;
};

/** Partner, QA reviewer and sponsor: blockers on a final document, warnings on a draft. */
const documentControl: Rule = ({ bundle, options }) => {
  const { status } = deliverableVersion(bundle, options, '');
  const d = bundle.deliverable;
  const missing: [string, string, string | undefined][] = [
    ['partner', 'engagement partner', d?.partner],
    ['qa-reviewer', 'QA reviewer', d?.qaReviewer],
    ['sponsor', 'client sponsor', d?.sponsor],
  ];
  return missing
    .filter(([, , v]) => !v?.trim())
    .map(([key, label]) => ({
      id: `document-control:${key}`,
      kind: 'document-control' as const,
      severity: status === 'final' ? ('blocker' as const) : ('warning' as const),
      message: `No ${label} is named; document control has no line for them to sign${status === 'final' ? ' on a final document' : ''}.`,
      where: `Report > Settings > ${label[0]!.toUpperCase()}${label.slice(1)}`,
      screen: 'report' as const,
    }));
};

/** A final 0.x, or a draft 1.0. */
const versionStatus: Rule = ({ bundle, options, template }) => {
  const { status, version, label } = deliverableVersion(bundle, options, template?.manifest.document.version ?? '');
  if (versionAgrees(status, version)) return [];
  return [
    {
      id: 'version:status',
      kind: 'version',
      severity: 'blocker',
      message: `Version ${version} does not agree with the status “${label}”: a draft is 0.x, a final 1.0 or later.`,
      where: 'Report > Settings > Version / Status',
      screen: 'report',
    },
  ];
};

// the order items are listed in within a severity: the few that embarrass most first, the per-risk lists last
const RULES: Rule[] = [contradictions, versionStatus, documentControl, irRoles, placeholders, breakGlassUnnamed, dontKnow, owners];

/** Runs every rule; accepted items carry their acceptance. Blockers first, then by rule order. */
export function preflight(input: PreflightInput): PreflightResult {
  const args = { bundle: input.bundle, pack: input.pack, template: input.template, options: input.options ?? {} };
  const accepted = new Map((input.bundle.deliverable?.preflightAccepted ?? []).map((a) => [a.itemId, a]));
  const items = RULES.flatMap((rule) => rule(args)).map((item): PreflightItem => {
    const a = accepted.get(item.id);
    if (!a) return item;
    const acceptance: NonNullable<PreflightItem['accepted']> = { reason: a.reason };
    if (a.by) acceptance.by = a.by;
    if (a.at) acceptance.at = a.at;
    return { ...item, accepted: acceptance };
  });
  const order = (i: PreflightItem) => (i.severity === 'blocker' ? 0 : 1);
  items.sort((x, y) => order(x) - order(y));
  return {
    items,
    openBlockers: items.filter((i) => i.severity === 'blocker' && !i.accepted).length,
    open: items.filter((i) => !i.accepted).length,
  };
}
