import type { ParagraphChild } from 'docx';
import { bullets, heading, keyValues, link, para, rich, runs, STYLE, type CellContent } from './primitives';
import { brandedTable, templateText, themeOf, type Block, type Ctx } from './context';
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

export function irPlan(ctx: Ctx): Block[] {
  const ir = ctx.model.irPlan;
  const m = ctx.model;
  const out: Block[] = [heading(1, 'Incident response plan')];
  if (ctx.irSeparate) out.push(para(`This plan is issued as a companion to the report “${m.meta.title}” for ${m.meta.client}; risk ids (R-nnn) refer to that report’s register.`, STYLE.small));
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
  out.push(para('How this plan maps to NIST SP 800-61 (Rev. 3 uses the CSF 2.0 functions; Rev. 2 phases are shown because many teams still use them):', STYLE.caption));
  out.push(brandedTable(ctx, [3, 4, 5], ['Rev. 2 phase', 'CSF 2.0 functions (Rev. 3)', 'Where in this plan'], ir.nistMapping.map((x) => [x.rev2, x.csf, x.section])));

  out.push(heading(2, 'Roles, RACI and contact sheet'));
  out.push(brandedTable(ctx, [3, 6, 3], ['Role', 'Responsibilities', 'Assigned to'], ir.roles.map((r) => [r.role, r.description, r.assignee])));
  out.push(para('RACI (R responsible, A accountable, C consulted, I informed):', STYLE.caption));
  out.push(brandedTable(ctx, [4, ...ir.raci.roles.map(() => 1)], ['Activity', ...ir.raci.roles], ir.raci.rows.map((r) => [r.activity, ...r.cells])));
  out.push(para('Contact sheet — keep a printed and an offline copy; corporate email and Teams may be unavailable during an incident.', STYLE.caption));
  out.push(
    ir.contacts.length > 0
      ? brandedTable(ctx, [2.5, 2.5, 2, 3, 2, 3], ['Name', 'Role', 'Organisation', 'Email', 'Phone', 'Responsibilities'], ir.contacts.map((x) => [x.name, x.role, x.organisation, x.email, x.phone, x.responsibilities]))
      : para('No contacts were recorded in the assessment. Complete the contact sheet before the plan is approved.'),
  );

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
      ? brandedTable(ctx, [1.2, 5, 1.6, 6], ['Risk', 'Gap', 'Level', 'Action'], ir.readinessGaps.map((g) => [ref(ctx, g.riskId), g.title, g.level, g.action]))
      : para('No readiness gap was raised in the register.'),
  );

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
    out.push(para('Containment', STYLE.label), ...bullets(a.containment));
    out.push(para('Eradication', STYLE.label), ...bullets(a.eradication));
    out.push(para('Recovery', STYLE.label), ...bullets(a.recovery));
  }

  out.push(heading(2, 'Communication'));
  out.push(...templateText(ctx, 'ir-communication', 3));

  out.push(heading(2, 'Scenario playbooks'));
  if (ir.playbooks.length === 0) out.push(para('No scenario playbook is available in the content pack used.'));
  for (const p of ir.playbooks) {
    out.push(heading(3, p.title));
    out.push(para(p.summary));
    out.push(rich([{ text: 'Why it is in this plan: ', bold: true }, p.reasons.join(' ')]));
    if (p.riskIds.length > 0) out.push(rich([{ text: 'Linked risks: ', bold: true }, ...p.riskIds.flatMap((id, i) => [...(i > 0 ? [', '] : []), ...toChildren(ctx, id)])]));
    if (p.prerequisites.length > 0) out.push(para('Prerequisites', STYLE.label), ...bullets(p.prerequisites));
    out.push(
      brandedTable(ctx,
        [2, 5, 4, 3],
        ['Phase', 'Client', 'Microsoft', 'Together'],
        p.phases.map((ph) => [ph.phase, ph.customer.map((s) => `• ${s}`).join('\n'), ph.microsoft.map((s) => `• ${s}`).join('\n'), ph.shared.map((s) => `• ${s}`).join('\n')]),
      ),
    );
    if (p.mappings) out.push(para(`NIST CSF 2.0: ${p.mappings}`, STYLE.small));
  }

  out.push(heading(2, 'Post-incident activity'));
  out.push(...templateText(ctx, 'ir-post-incident', 3));

  out.push(heading(2, 'Testing and maintenance'));
  out.push(...templateText(ctx, 'ir-testing', 3));
  for (const s of ir.tabletop) {
    out.push(heading(3, `Tabletop: ${s.title}`));
    out.push(rich([{ text: 'Scenario: ', bold: true }, s.scenario]));
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
