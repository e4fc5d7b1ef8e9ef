import { Paragraph, type ParagraphChild } from 'docx';
import { bullets, heading, keyValues, layout, link, numbered, para, rich, runs, STYLE, type CellContent } from './primitives';
import { brandedTable, templateText, themeOf, type Block, type Ctx } from './context';
import { contactSheetTables } from './ir-contacts';
import type { IrPlanModel } from '../types';

/** A risk id as a link when the risk details are in the same document. */
const ref = (ctx: Ctx, id: string): CellContent => {
  const r = ctx.model.risks.find((x) => x.id === id);
  return r && ctx.riskLinks ? { text: id, link: r.bookmark } : id;
};

/** The incident response plan: NIST SP 800-61 Rev. 3 (CSF 2.0) with the Rev. 2 phases shown. */
/** Microsoft's initial response per case severity for each support plan, the client's plan marked. */
function supportPlanEscalation(ctx: Ctx, ir: IrPlanModel): Block[] {
  const t = ir.supportPlans;
  if (!t) return [];
  const out: Block[] = [para('Microsoft support: initial response by case severity (A critical, B moderate, C minimum business impact).', STYLE.caption)];
  out.push(
    brandedTable(
      ctx,
      [3.2, 1.6, 2, 2, 1.2, 4],
      ['Plan', 'Severity A', 'Severity B', 'Severity C', '24×7 for A', 'Note'],
      t.rows.map((r) => [r.clients ? `${r.plan} (this client)` : r.plan, r.a, r.b, r.c, r.roundTheClock, r.note]),
    ),
  );
  if (!t.clientPlanKnown) out.push(para(`The client’s plan (${ir.supportPlan}) is not one of these; confirm its response targets with the provider and record them in the contact sheet.`));
  out.push(para(`Sources: ${t.sources.join('; ')}. Plan names and targets change; re-check before each plan review.`, STYLE.small));
  return out;
}

/** Signatures under plan control in the stand-alone plan (risk acceptance belongs to the report). */
function irApproval(ctx: Ctx): Block[] {
  const pc = ctx.model.irPlan.planControl;
  return [
    para('Approval: this plan takes effect when signed; the owner re-issues it after each review.', STYLE.caption),
    brandedTable(ctx, [3, 3, 3, 2], ['Name', 'Role', 'Signature', 'Date'], [
      [pc.approver, 'Approver', '', ''],
      [pc.owner, 'Plan owner (incident lead)', '', ''],
    ]),
  ];
}

/** How many readiness gaps the plan lists (most severe first); the register has the rest. */
const READINESS_SHOWN = 10;

/** A playbook's steps phase by phase, read top to bottom; steps that are not the client's say whose they are. */
function playbookSteps(phases: IrPlanModel['playbooks'][number]['phases']): Block[] {
  return phases.flatMap((ph) => phaseSteps(ph.phase, [...ph.customer, ...ph.microsoft.map((s) => `Microsoft: ${s}`), ...ph.shared.map((s) => `Together with Microsoft: ${s}`)]));
}

/** Space above a one-step phase (twips), as the label of a longer phase has. */
const PHASE_BEFORE = 120;

/**
 * A phase of a playbook or an asset class in table-sized text (the steps carry commands, and
 * the plan must stay short enough to print): a phase of one step is one paragraph led by its
 * name in bold; a longer one keeps its name as a label over the list of steps.
 */
function phaseSteps(phase: string, steps: readonly string[]): Block[] {
  if (steps.length === 0) return [];
  if (steps.length > 1) return [para(phase, STYLE.label), ...bullets([...steps], STYLE.tableText)];
  layout.text(`${phase}: ${steps[0]}`, 8.5, PHASE_BEFORE / 20 + 1);
  return [new Paragraph({ style: STYLE.tableText, spacing: { before: PHASE_BEFORE }, children: [...runs(`${phase}: `, { bold: true }), ...runs(steps[0]!)] })];
}

/** The one-page card a responder reads first: declare, whom to call, first 15 minutes, Microsoft path. */
export function irQuickCard(ctx: Ctx, level: 1 | 2 = 1): Block[] {
  const q = ctx.model.irPlan.quickCard;
  const label = (text: string): Block => para(text, STYLE.label);
  return [
    heading(level, 'Quick-reference card'),
    para(`Keep a printed copy with the out-of-band channel. Full contact details: the contact sheet; severity criteria: “Classification and severity”.`, STYLE.small),
    label('1. Declare an incident'),
    ...bullets(q.declare),
    label('2. Who to call'),
    brandedTable(ctx, [3, 4, 3], ['Role', 'Name', 'Phone'], q.callList.map((c) => [c.role, c.name.startsWith('GAP') ? { text: c.name, bold: true } : c.name, c.phone])),
    label('3. First 15 minutes'),
    ...numbered(q.firstFifteen),
    label('4. Out-of-band channel'),
    para(q.outOfBand),
    label('5. Microsoft case path'),
    keyValues(q.microsoft, ctx.width, themeOf(ctx).labelFill, themeOf(ctx).tableBorder),
  ];
}

/** Contact sheet by role, gaps flagged; decision rights; the out-of-band channel. */
function rolesAndDecisions(ctx: Ctx, ir: IrPlanModel): Block[] {
  const out: Block[] = [heading(2, 'Contact sheet'), ...contactSheetTables(ctx, ir)];
  out.push(heading(2, 'Out-of-band channel'));
  out.push(para(ir.outOfBandChannel || 'No out-of-band channel has been agreed (a gap). Agree a conference bridge or messaging group that does not depend on the corporate Microsoft 365 tenant or its identities, test it, and print it on the quick-reference card.'));
  out.push(heading(2, 'Decision rights'));
  out.push(para('Who may take each decision during an incident without further approval, and who decides when they cannot be reached.'));
  out.push(brandedTable(ctx, [6, 3, 3], ['Decision', 'Holder', 'Deputy'], ir.decisionRights.map((d) => [d.decision, d.gap ? { text: d.holder, bold: true } : d.holder, d.deputy])));
  const required = ir.gaps.filter((g) => g.required);
  if (required.length > 0) {
    out.push(para('Open items before this plan can be approved:', STYLE.caption));
    out.push(...bullets(required.map((g) => g.message)));
  }
  return out;
}

/** The regulatory clocks selected by the scope, then the contractual ones, each cited. */
function notificationClocks(ctx: Ctx, ir: IrPlanModel): Block[] {
  const c = ir.notificationClocks;
  const out: Block[] = [heading(2, 'Notification clocks')];
  out.push(para('Deadlines that start when the organisation becomes aware of an incident. Selected from the scoping answers (regulated data, sector, jurisdictions); legal / the DPO confirms which apply to each incident. This is not legal advice.'));
  for (const note of c.caveats) out.push(para(note, STYLE.small));
  for (const r of c.regulatory) {
    out.push(heading(3, r.regime));
    out.push(rich([{ text: 'Why listed: ', bold: true }, r.why, '. ', { text: 'Clock starts: ', bold: true }, r.trigger]));
    out.push(brandedTable(ctx, [4, 5, 3], ['Step', 'Deadline', 'Source'], r.deadlines.map((d) => [d.step, d.deadline, d.citation])));
    if (r.note) out.push(para(r.note, STYLE.small));
  }
  if (c.regulatory.length === 0) out.push(para('No regulatory regime in the content pack matches the scoping answers.'));
  out.push(heading(3, 'Contractual clocks'));
  out.push(
    c.contractual.length > 0
      ? brandedTable(ctx, [4, 4, 4], ['Whom to notify', 'Deadline', 'Contract'], c.contractual.map((x) => [x.counterparty, x.deadline, x.source]))
      : para('No contractual notification deadline was recorded (customers, sponsors, insurers, card acquirers). Record them in the incident response setup.'),
  );
  if (c.sources.length > 0) out.push(para(`Sources: ${c.sources.join('; ')}.`, STYLE.small));
  return out;
}

export function irPlan(ctx: Ctx): Block[] {
  const ir = ctx.model.irPlan;
  const m = ctx.model;
  const out: Block[] = [heading(1, 'Incident response plan')];
  if (ctx.irSeparate) out.push(para(`This plan is issued as a companion to the report “${ctx.template.manifest.document.reportTitle}” for ${m.meta.client}; risk ids (R-nnn) refer to that report’s register.`, STYLE.small));
  if (!ctx.irSeparate) out.push(...irQuickCard(ctx, 2));
  out.push(...templateText(ctx, 'ir-introduction', 3));

  out.push(heading(2, 'Plan control'));
  out.push(
    keyValues(
      [
        ['Plan owner', ir.planControl.owner],
        ['Approved by', ir.planControl.approver],
        ['Version / date', `${ir.planControl.version} / ${ir.planControl.date}`],
        ['Review cycle', ir.planControl.reviewCycle],
        ['Next review', ir.planControl.nextReview],
      ],
      ctx.width,
      themeOf(ctx).labelFill,
      themeOf(ctx).tableBorder,
    ),
  );
  if (ctx.irSeparate) out.push(...irApproval(ctx));
  out.push(para('How this plan maps to NIST SP 800-61 (Rev. 3 uses the CSF 2.0 functions; Rev. 2 phases are shown because many teams still use them):', STYLE.caption));
  out.push(brandedTable(ctx, [3, 4, 5], ['Rev. 2 phase', 'CSF 2.0 functions (Rev. 3)', 'Where in this plan'], ir.nistMapping.map((x) => [x.rev2, x.csf, x.section])));

  out.push(...rolesAndDecisions(ctx, ir));
  out.push(heading(2, 'Responsibilities (RACI)'));
  out.push(para('R responsible, A accountable, C consulted, I informed.', STYLE.caption));
  out.push(brandedTable(ctx, [4, ...ir.raci.roles.map(() => 1)], ['Activity', ...ir.raci.roles], ir.raci.rows.map((r) => [r.activity, ...r.cells])));
  out.push(...notificationClocks(ctx, ir));

  out.push(heading(2, 'Shared responsibility during incidents'));
  out.push(...templateText(ctx, 'ir-microsoft', 3));
  out.push(heading(3, 'Engaging Microsoft support'));
  out.push(...templateText(ctx, 'ir-support', 3));
  if (ir.escalationNotes) {
    out.push(para('Escalation notes recorded with the client:', STYLE.caption));
    for (const line of ir.escalationNotes.split('\n').filter((l) => l.trim())) out.push(para(line));
  }
  if (ir.supportGapRiskIds.length > 0) out.push(rich(['Gap: the support arrangement does not meet this need — see ', ...ir.supportGapRiskIds.flatMap((id) => toChildren(ctx, id)), '.']));
  out.push(...supportPlanEscalation(ctx, ir));

  out.push(heading(2, 'Classification and severity'));
  out.push(brandedTable(ctx, [1.2, 1.4, 6, 3.5, 3.5], ['Level', 'Name', 'Criteria', 'Response', 'Microsoft case severity'], ir.severity.map((s) => [s.level, s.name, s.criteria, s.response, s.msSeverity])));
  out.push(para('Incident categories:', STYLE.caption));
  out.push(brandedTable(ctx, [3, 7], ['Category', 'Examples'], ir.categories.map((x) => [x.category, x.examples])));

  out.push(heading(2, 'Readiness gaps'));
  out.push(para('Generated from the risk register: each gap below weakens the organisation’s ability to detect, respond to or recover from an incident until it is treated.'));
  out.push(
    ir.readinessGaps.length > 0
      ? brandedTable(ctx, [1.2, 5, 1.6, 6], ['Risk', 'Gap', 'Level', 'Action'], ir.readinessGaps.slice(0, READINESS_SHOWN).map((g) => [ref(ctx, g.riskId), g.title, g.level, g.action]))
      : para('No readiness gap was raised in the register.'),
  );
  if (ir.readinessGaps.length > READINESS_SHOWN) out.push(para(`The ${READINESS_SHOWN} most severe are shown; ${ir.readinessGaps.length - READINESS_SHOWN} more are in the register.`, STYLE.small));

  out.push(heading(2, 'Detection and analysis'));
  out.push(para('The sources this organisation has today, from the interview and the inventory. Investigations depend on them; sources marked “Not in place” are blind spots.'));
  out.push(brandedTable(ctx, [4, 2, 6], ['Source', 'Status', 'Basis'], ir.detectionSources.map((d) => [d.source, d.status, d.basis])));
  out.push(...bullets([
    'Open an incident record at the first credible signal; note the time, the reporter and the systems involved.',
    'Scope with the logs above: identities used, resources touched, data accessed, persistence created. Preserve before changing.',
    'Classify using the severity table and escalate as it directs; re-classify as facts change.',
  ]));

  out.push(heading(2, 'Containment, eradication and recovery by asset class'));
  for (const a of ir.assetClasses) {
    out.push(heading(3, a.name));
    out.push(para(a.why, STYLE.small));
    out.push(...phaseSteps('Containment', a.containment), ...phaseSteps('Eradication', a.eradication), ...phaseSteps('Recovery', a.recovery));
  }

  out.push(heading(2, 'Communication'));
  out.push(...templateText(ctx, 'ir-communication', 3));

  out.push(heading(2, 'Scenario playbooks'));
  if (ir.playbooks.length === 0) out.push(para('No scenario playbook is available in the content pack used.'));
  for (const p of ir.playbooks) {
    out.push(heading(3, p.title));
    out.push(para(p.summary));
    out.push(rich([{ text: 'Why it is in this plan: ', bold: true }, p.reasons.join(' ')]));
    if (p.riskIds.length > 0) out.push(linkedRisks(ctx, p));
    if (p.prerequisites.length > 0) out.push(para('Prerequisites', STYLE.label), ...bullets(p.prerequisites));
    out.push(...playbookSteps(p.phases));
    if (p.mappings) out.push(para(`NIST CSF 2.0: ${p.mappings}`, STYLE.small));
  }

  out.push(heading(2, 'Post-incident activity'));
  out.push(...templateText(ctx, 'ir-post-incident', 3));

  out.push(heading(2, 'Testing and maintenance'));
  out.push(...templateText(ctx, 'ir-testing', 3));
  for (const s of ir.tabletop) {
    out.push(heading(3, `Tabletop: ${s.title}`));
    out.push(rich([{ text: 'Scenario: ', bold: true }, s.scenario]));
    if (s.businessServices.length > 0) out.push(rich([{ text: 'Business services: ', bold: true }, s.businessServices.join(', ')]));
    out.push(para('Injects', STYLE.label), ...bullets(s.injects));
    out.push(para('Objectives', STYLE.label), ...bullets(s.objectives));
  }
  if (ir.tabletop.length === 0) out.push(para('No customer-owned risk with a playbook was raised; use the identity compromise playbook for the first exercise.'));
  out.push(...templateText(ctx, 'ir-maintenance', 3));
  return out;
}

function toChildren(ctx: Ctx, id: string): ParagraphChild[] {
  const c = ref(ctx, id);
  return typeof c === 'object' && !Array.isArray(c) && c.link ? [link(c.text, c.link)] : runs(id);
}

/**
 * The register risks a playbook answers: every one counted, the most severe named. The total
 * is stated so that the counts in "Why it is in this plan" (per reason) never read as
 * disagreeing with the list ("named by 35" next to "5 and 35 more").
 */
function linkedRisks(ctx: Ctx, p: IrPlanModel['playbooks'][number]): Paragraph {
  const named = p.riskIds.flatMap((id, i) => [...(i === 0 ? [] : i === p.riskIds.length - 1 ? [' and '] : [', ']), ...toChildren(ctx, id)]);
  if (p.moreRiskCount === 0) return rich([{ text: 'Linked risks: ', bold: true }, ...named, '.']);
  const total = p.riskIds.length + p.moreRiskCount;
  return rich([{ text: 'Linked risks: ', bold: true }, `${total} in all; the most severe are `, ...named, '; the others are listed in the register.']);
}
