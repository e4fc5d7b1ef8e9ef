/**
 * The parts of the IR plan a commander uses first: the contact sheet by role, decision rights,
 * the quick-reference card, short risk lists per playbook and tabletop scenarios drawn from
 * the client's top risks. Pure; called by `buildIrPlan`.
 */
import type { AssessmentBundle } from '../bundle/schema';
import { assignIrRoles, deputyOf, isFilled, type IrRoleId, type RoleAssignment } from './ir-roles';
import type { ContactHolder, IrPlanModel, RiskView } from './types';

type Clean = (s: unknown, max?: number) => string;

export const GAP = 'GAP — not assigned';

/** A phone number kept on one line in narrow table cells. */
export const unbreakable = (phone: string): string => phone.replace(/ /g, '\u00A0');

/** What the sheet prints for a detail nobody recorded: a blank cell could be a printing fault. */
export const NOT_RECORDED = 'Not recorded';

type Contact = AssessmentBundle['contacts'][number];

/** One holder's details; the organisation only when it is not the client (partners: MSSP, insurer, Microsoft). */
function holderOf(c: Contact, clean: Clean, client: string): ContactHolder {
  const organisation = clean(c.organisation ?? '');
  return {
    name: clean(c.name),
    organisation: organisation.toLowerCase() === clean(client).toLowerCase() ? '' : organisation,
    phone: unbreakable(clean(c.phone ?? '')) || NOT_RECORDED,
    email: clean(c.email ?? '') || NOT_RECORDED,
    deputy: clean(deputyOf(c.responsibilities)),
  };
}

/** "Jane Doe (Microsoft)": the organisation added when the name does not already say it. */
export const nameWithOrganisation = (h: Pick<ContactHolder, 'name' | 'organisation'>): string =>
  h.organisation && !h.name.toLowerCase().includes(h.organisation.toLowerCase()) ? `${h.name} (${h.organisation})` : h.name;

/** "Tom Becker: +44 …; Jordan Ellis (Microsoft): +44 …": each holder with their own number. */
const whoToCall = (r: { holders: readonly ContactHolder[] }): string => r.holders.map((h) => `${nameWithOrganisation(h)}: ${h.phone}`).join('; ');

/** One row per role, the holders' details, or a gap. */
export function contactSheet(bundle: AssessmentBundle, clean: Clean, client: string): { sheet: IrPlanModel['contactSheet']; assignments: RoleAssignment[] } {
  const assignments = assignIrRoles(bundle.contacts);
  const sheet = assignments.map((a): IrPlanModel['contactSheet'][number] => {
    const base = { role: a.role.label, duty: a.role.duty, required: a.role.required };
    if (!isFilled(a)) return { ...base, name: GAP, organisation: '', phone: '', email: '', deputy: '', gap: true, holders: [] };
    // a deputy named on the lead but not in the contact list: only the name is known
    const holders = a.contacts.length > 0 ? a.contacts.map((c) => holderOf(c, clean, client)) : [{ name: clean(a.namedOnly), organisation: '', phone: NOT_RECORDED, email: NOT_RECORDED, deputy: '' }];
    // positions line up across the joined fields: a missing detail keeps its place as "Not recorded"
    const join = (f: (h: ContactHolder) => string): string => holders.map(f).join('; ');
    return {
      ...base,
      name: join((h) => h.name),
      organisation: holders.some((h) => h.organisation) ? join((h) => h.organisation || '—') : '',
      phone: join((h) => h.phone),
      email: join((h) => h.email),
      deputy: holders.some((h) => h.deputy) ? join((h) => h.deputy || '—') : '',
      gap: false,
      holders,
    };
  });
  return { sheet, assignments };
}

/** The decisions every plan must settle, and words that show a recorded right covers one. */
function standardDecisions(bundle: AssessmentBundle, clean: Clean): { decision: string; covers: RegExp }[] {
  const services = (bundle.businessServices ?? []).filter((s) => s.criticality === 'critical' || s.criticality === 'high');
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    ...services.map((s) => ({ decision: `Isolate the ${clean(s.name, 200)} (take it off the network or stop it)`, covers: new RegExp(`isolat.*${escape(s.name)}|${escape(s.name)}.*isolat`, 'i') })),
    ...(services.length === 0 ? [{ decision: 'Isolate a business-critical service', covers: /isolat/i }] : []),
    { decision: 'Invoke disaster recovery (fail over or restore from backup)', covers: /\bdr\b|disaster|fail ?over/i },
    { decision: 'Take Microsoft 365 offline or block sign-ins tenant-wide', covers: /365|m365|tenant-wide|block sign/i },
    { decision: 'Engage Microsoft Incident Response or another IR firm', covers: /incident response|\bdart\b|ir firm|retainer/i },
    { decision: 'Notify regulators and the people affected', covers: /regulat|notify|notification|ico\b|authority/i },
  ];
}

/** The recorded decision rights, then each standard decision nobody holds yet, as a gap. */
export function decisionRights(bundle: AssessmentBundle, clean: Clean): IrPlanModel['decisionRights'] {
  const recorded = (bundle.incidentResponse?.decisionRights ?? []).map((d) => ({
    decision: clean(d.decision, 500),
    holder: clean(d.holder, 200) || GAP,
    deputy: clean(d.deputy ?? '', 200),
    gap: !d.holder.trim(),
  }));
  const missing = standardDecisions(bundle, clean)
    .filter((s) => !recorded.some((r) => s.covers.test(r.decision)))
    .map((s) => ({ decision: s.decision, holder: GAP, deputy: '', gap: true }));
  return [...recorded, ...missing];
}

/** Risk ids of a playbook, most severe (inherent) first, cut to `limit`. */
export function shortRiskList(ids: Iterable<string>, risks: readonly RiskView[], limit = 5): { riskIds: string[]; moreRiskCount: number } {
  const wanted = new Set(ids);
  const sorted = bySeverity(risks.filter((r) => wanted.has(r.id)));
  return { riskIds: sorted.slice(0, limit).map((r) => r.id), moreRiskCount: Math.max(0, sorted.length - limit) };
}

const score = (r: RiskView): number => r.inherent.likelihood * r.inherent.impact;
/** Most severe current (inherent) rating first; impact breaks ties, then the register order. */
export const bySeverity = (risks: readonly RiskView[]): RiskView[] =>
  risks
    .map((r, i) => ({ r, i }))
    .sort((a, b) => score(b.r) - score(a.r) || b.r.inherent.impact - a.r.inherent.impact || a.i - b.i)
    .map((x) => x.r);

/**
 * Up to three exercises, each seeded by a different top risk (by current rating) whose
 * playbook is in the plan, no playbook twice; every inject names that risk's evidence,
 * business services, containment step, decision holder and a notification clock.
 */
export function tabletopScenarios(input: {
  risks: readonly RiskView[];
  /** the plan's playbooks with every risk linked to each (not only the short list) */
  playbooks: readonly { id: string; title: string; linked: ReadonlySet<string> }[];
  rights: IrPlanModel['decisionRights'];
  clocks: IrPlanModel['notificationClocks'];
}): IrPlanModel['tabletop'] {
  const { risks, playbooks, rights, clocks } = input;
  const byId = new Map(playbooks.map((p) => [p.id, p]));
  const used = new Set<string>();
  const picks: { risk: RiskView; playbook: (typeof playbooks)[number] }[] = [];
  for (const risk of bySeverity(risks.filter((r) => r.owner !== 'microsoft'))) {
    const named = risk.playbooks.map((id) => byId.get(id));
    const pb = [...named, ...playbooks.filter((p) => p.linked.has(risk.id))].find((p) => p && !used.has(p.id));
    if (!pb) continue;
    used.add(pb.id);
    picks.push({ risk, playbook: pb });
    if (picks.length === 3) break;
  }
  const clockSteps = clocks.regulatory.flatMap((c) => c.deadlines.filter((d) => !d.deadline.startsWith('Not set')).map((d) => `${c.regime} — ${d.step}: ${d.deadline}`));
  return picks.map(({ risk, playbook }, i) => {
    const services = risk.businessServices;
    const where = services.length > 0 ? `the ${services.join(' and the ')}` : 'a production workload';
    // the resources named are the service's own when the inject says it touches a service
    const resources = risk.findings.flatMap((f) => f.resources);
    const inService = resources.filter((r) => r.businessServices?.some((s) => services.includes(s)));
    const examples = [...new Set((services.length > 0 ? inService : resources).map((r) => r.name))].slice(0, 3);
    const evidence = examples.length > 0 ? ` (${examples.join(', ')})` : '';
    const right = rights.find((d) => services.some((s) => d.decision.includes(s))) ?? rights.find((d) => /isolat/i.test(d.decision));
    const holder = right && !right.gap ? right.holder : 'nobody yet (a gap in the decision rights)';
    const clock = clockSteps.length > 0 ? clockSteps[i % clockSteps.length]! : 'no regulatory clock is recorded; legal decides whether one applies';
    return {
      title: `${playbook.title} at ${where}`,
      scenario: `${risk.threat} Seeded from ${risk.id} (${risk.title}; current rating ${risk.inherent.levelLabel}).`,
      riskIds: [risk.id],
      businessServices: [...services],
      injects: [
        `T+0, 02:00 on a Saturday: the first signal of "${playbook.title}" touches ${where}${evidence}. Who receives it, and who declares the incident?`,
        `T+30 min: the evidence points to ${risk.id}, "${risk.title}". Which logs show what happened, how far back do they go, and who preserves them?`,
        `T+2 h: the containment steps of "${playbook.title}" would stop ${where}. The decision holder is ${holder}: who decides if they cannot be reached, and who tells the business?`,
        `T+1 day: legal asks what the weakness in ${risk.id} let the attacker see or change. ${clock}. Who drafts the notice, who approves it, and what is the awareness time on record?`,
      ],
      objectives: [
        `Walk the "${playbook.title}" playbook and confirm each step has a named person with the rights it needs.`,
        `Agree the business impact of stopping ${where} and who may accept it.`,
        'Confirm the out-of-band channel and the printed contact sheet work without corporate email and Teams.',
      ],
    };
  });
}

/** The one-page card: when to declare, whom to call, the first 15 minutes, the Microsoft path. */
export function quickCard(input: {
  sheet: IrPlanModel['contactSheet'];
  assignments: RoleAssignment[];
  outOfBand: string;
  supportPlan: string;
  roundTheClockA: string;
  clocks: IrPlanModel['notificationClocks'];
}): IrPlanModel['quickCard'] {
  const { sheet, assignments, outOfBand, supportPlan, roundTheClockA, clocks } = input;
  const row = (id: IrRoleId): IrPlanModel['contactSheet'][number] => sheet[assignments.findIndex((a) => a.role.id === id)]!;
  const order: IrRoleId[] = ['incident-lead', 'incident-deputy', 'ciso-sponsor', 'it-cloud-platform', 'mssp', 'legal-dpo', 'communications', 'insurer', 'microsoft-support', 'microsoft-ir'];
  const ms = row('microsoft-support');
  const msir = row('microsoft-ir');
  const shortest = clocks.regulatory.flatMap((c) => c.deadlines.filter((d) => /\b(4|24) hours/.test(d.deadline)).map((d) => `${c.regime} — ${d.step}: ${d.deadline.charAt(0).toLowerCase()}${d.deadline.slice(1)}`))[0];
  return {
    declare: [
      'SEV 1 — declare now: a privileged account or the Azure control plane is compromised; ransomware or mass deletion; regulated data confirmed leaving; a critical business service down.',
      'SEV 2 — declare within 4 hours: one user or workload compromised; suspected data exposure under investigation.',
      'If in doubt, declare: lowering a severity later costs nothing, starting late can miss a notification clock.',
    ],
    // one line per person, so each number sits beside its name
    callList: order.flatMap((id) => {
      const r = row(id);
      if (r.gap) return [{ role: r.role, name: r.name, phone: '' }];
      return r.holders.map((h, i) => ({ role: i === 0 ? r.role : `${r.role} (also)`, name: nameWithOrganisation(h), phone: h.phone }));
    }),
    firstFifteen: [
      'Write down the time, who reported it and what was seen: this is the awareness time the notification clocks run from.',
      'Call the incident lead (deputy if no answer in 5 minutes); the lead declares and sets the severity.',
      `If email or Teams may be compromised, move to the out-of-band channel now${outOfBand ? '' : ' (none is agreed: a gap)'}.`,
      'Preserve before you change: do not delete or rebuild; snapshot disks, export sign-in, audit and activity logs.',
      'SEV 1: open a Microsoft severity A case and call the MSSP; contain only with the decision holder’s approval.',
      `Tell legal / the DPO within the hour${shortest ? `. Shortest clock that may apply — ${shortest}` : ''}.`,
    ],
    outOfBand: outOfBand || 'None agreed — a gap. Agree a bridge number or messaging group that does not depend on the corporate tenant.',
    microsoft: [
      ['Support plan', supportPlan],
      ['Severity A around the clock', roundTheClockA],
      ['Open a case', 'Azure portal > Help + support > Create a support request (Azure); Microsoft 365 admin center > Support (Microsoft 365). Choose severity A for SEV 1.'],
      ['Who opens the case', ms.gap ? 'No Microsoft support contact recorded — a gap.' : whoToCall(ms)],
      ['Microsoft Incident Response', msir.gap ? 'No arrangement recorded — engage through the Microsoft account team or a Unified support case; agree terms before an incident.' : whoToCall(msir)],
    ],
  };
}
