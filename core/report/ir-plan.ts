import type { AssessmentBundle } from '../bundle/schema';
import { supportPlanTable } from './model-builders/support-plans';
import type { ContentPack, Playbook } from '../content/types';
import type { SelectClause } from '../content/schemas';
import { conditionHolds, scoreAnswer } from '../interview/flow';
import { CATEGORY_LABEL, counted, MODEL_LABEL } from './labels';
import type { IrPlanModel, ReportModel, RiskView } from './types';
import { bySeverity, contactSheet, decisionRights, quickCard, shortRiskList, tabletopScenarios } from './ir-plan-parts';
import { irSetupGaps } from './ir-roles';
import { selectNotificationClocks } from './notification-clocks';

export type { IrPlanModel } from './types';

const PHASE_LABEL: Record<string, string> = {
  preparation: 'Preparation',
  'detection-analysis': 'Detection and analysis',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  'post-incident': 'Post-incident activity',
};

/** Categories of the register that measure incident readiness. */
const READINESS_CATEGORIES = new Set(['incident-response', 'logging-detection', 'backup-recovery']);
const READINESS_TEMPLATES = new Set(['RT-PROVIDER-INCIDENT-AWARENESS', 'RT-NW-NO-VISIBILITY', 'RT-MO-ALERTING', 'RT-DF-PLANS-OFF', 'RT-IDN-RISK-UNTRIAGED', 'RT-MCL-IR-GAPS']);

const RACI_ROLES = ['Incident lead', 'SOC / MSSP', 'Azure platform', 'Identity & M365', 'Legal / DPO', 'Comms', 'Executive', 'Microsoft'];
const RACI: { activity: string; cells: string[] }[] = [
  { activity: 'Declare and classify the incident', cells: ['A/R', 'C', 'I', 'I', 'I', 'I', 'I', '—'] },
  { activity: 'Triage, investigate and scope', cells: ['A', 'R', 'C', 'C', 'I', '—', '—', '—'] },
  { activity: 'Contain identities (disable, revoke sessions, reset)', cells: ['A', 'C', 'I', 'R', '—', '—', '—', '—'] },
  { activity: 'Contain Azure resources (network, RBAC, keys)', cells: ['A', 'C', 'R', 'I', '—', '—', '—', '—'] },
  { activity: 'Open and manage the Microsoft support case', cells: ['A', 'R', 'C', 'C', '—', '—', '—', 'C'] },
  { activity: 'Preserve evidence (logs, snapshots, exports)', cells: ['A', 'R', 'R', 'R', 'C', '—', '—', '—'] },
  { activity: 'Notify regulators, customers and insurers', cells: ['C', 'I', '—', '—', 'R', 'C', 'A', '—'] },
  { activity: 'Internal and external communication', cells: ['C', '—', '—', '—', 'C', 'R', 'A', '—'] },
  { activity: 'Eradicate and recover services and data', cells: ['A', 'C', 'R', 'R', '—', 'I', 'I', 'C'] },
  { activity: 'Platform-side incident response (Microsoft’s own services)', cells: ['I', 'I', 'I', 'I', '—', '—', '—', 'A/R'] },
  { activity: 'Lessons learned and plan update', cells: ['A/R', 'C', 'C', 'C', 'C', 'C', 'I', '—'] },
];

interface AssetClass {
  name: string;
  when: (ctx: { types: Set<string>; m365: boolean; models: Set<string> }) => string | undefined;
  containment: string[];
  eradication: string[];
  recovery: string[];
}

const hasType = (types: Set<string>, ...prefixes: string[]): boolean => [...types].some((t) => prefixes.some((p) => t.startsWith(p)));

const ASSET_CLASSES: AssetClass[] = [
  {
    name: 'Identities (Entra ID users, administrators, workload identities)',
    when: () => 'Every Azure and Microsoft 365 incident involves identities.',
    containment: [
      'Disable the account and revoke refresh tokens and sessions (Entra admin center > Users > Revoke sessions; Revoke-MgUserSignInSession).',
      'Reset the password and remove attacker-registered MFA methods; confirm the user over a separate channel.',
      'For service principals: remove added credentials, disable the application, review Graph permissions and consents.',
      'Block risky sign-in locations or countries with a temporary Conditional Access policy; keep break-glass accounts excluded.',
    ],
    eradication: [
      'Review role assignments, PIM activations and new Conditional Access exclusions made since the first malicious sign-in.',
      'Remove malicious inbox rules, OAuth grants, federated domain or cross-tenant settings changed by the attacker.',
    ],
    recovery: ['Re-enable the account with phishing-resistant MFA; monitor Entra ID Protection risk for 30 days.', 'Rotate secrets the identity could read.'],
  },
  {
    name: 'Azure control plane (subscriptions, RBAC, policy)',
    when: (c) => (c.types.size > 0 || c.models.has('iaas') || c.models.has('paas') ? 'Subscriptions are in scope.' : undefined),
    containment: [
      'Remove role assignments and custom roles created by the attacker; suspend compromised automation accounts and pipelines.',
      'Apply CanNotDelete locks to backup vaults and critical resource groups; restrict Owner to the incident team.',
      'Export the Activity Log for the incident window before the 90-day retention expires.',
    ],
    eradication: ['Compare Azure Policy assignments, diagnostic settings and Defender plans with the baseline and restore them.', 'Rotate credentials of service connections and managed identities with elevated roles.'],
    recovery: ['Redeploy from infrastructure as code where available; verify with a Defender for Cloud secure score review.'],
  },
  {
    name: 'Virtual machines (IaaS)',
    when: (c) => (hasType(c.types, 'microsoft.compute/virtualmachines') ? 'Virtual machines are in the inventory.' : c.models.has('iaas') ? 'IaaS is in scope.' : undefined),
    containment: [
      'Isolate the VM: apply a deny-all NSG (keep the investigation subnet), or isolate the device in Defender for Endpoint.',
      'Snapshot the OS and data disks before any change, for forensics; record the snapshot ids and hashes.',
      'Stop, do not delete, the VM if it is actively harmful (mining, spreading).',
    ],
    eradication: ['Rebuild from a known-good image rather than cleaning in place; remove persistence (extensions, run commands, local accounts).'],
    recovery: ['Restore data from Azure Backup to a point before the compromise; patch and harden before reconnecting.'],
  },
  {
    name: 'Storage accounts and data services',
    when: (c) => (hasType(c.types, 'microsoft.storage/', 'microsoft.sql/', 'microsoft.documentdb/', 'microsoft.dbfor') ? 'Storage or database services are in the inventory.' : undefined),
    containment: [
      'Disable public network access and anonymous blob access; rotate storage account keys and revoke SAS by rotating the signing key.',
      'Block the attacker’s IPs in the service firewall; disable shared-key and local SQL authentication where possible.',
    ],
    eradication: ['Review access logs (resource logs) to establish what was read or changed; remove unexpected replication and private endpoints.'],
    recovery: ['Restore from point-in-time restore, soft delete or versioning; validate data integrity with the data owner.'],
  },
  {
    name: 'Key Vault, keys and secrets',
    when: (c) => (hasType(c.types, 'microsoft.keyvault/') ? 'Key Vaults are in the inventory.' : undefined),
    containment: ['Restrict the vault network and RBAC to the incident team; disable the exposed secret or key version.', 'Identify every consumer of the exposed secret before rotating it.'],
    eradication: ['Rotate every secret, key and certificate the attacker could read; remove access policies or role assignments they added.'],
    recovery: ['Recover deleted objects from soft delete; confirm purge protection is on.'],
  },
  {
    name: 'Web applications, functions and containers (PaaS)',
    when: (c) => (hasType(c.types, 'microsoft.web/', 'microsoft.containerservice/', 'microsoft.containerregistry/', 'microsoft.app/') ? 'App Service, Functions or container services are in the inventory.' : undefined),
    containment: ['Stop the app or scale the affected deployment to zero; rotate publishing credentials and managed identity permissions.', 'Put the app behind WAF rules that block the exploit path.'],
    eradication: ['Redeploy from the pipeline from a reviewed commit; rebuild container images from trusted bases.'],
    recovery: ['Restore app settings and data; monitor for re-exploitation through the WAF and Defender alerts.'],
  },
  {
    name: 'Microsoft 365 (mail, SharePoint, OneDrive, Teams)',
    when: (c) => (c.m365 ? 'Microsoft 365 is in scope.' : undefined),
    containment: [
      'Remove malicious inbox and forwarding rules; block external forwarding; purge phishing messages tenant-wide (Threat Explorer).',
      'Revoke anonymous sharing links created in the incident window; restrict external sharing temporarily.',
    ],
    eradication: ['Review mailbox audit and unified audit logs for mail items accessed; remove illicit application consents.'],
    recovery: ['Restore deleted or encrypted files from the recycle bin, Files Restore or Microsoft 365 Backup.'],
  },
];

const SEVERITY: IrPlanModel['severity'] = [
  {
    level: 'SEV 1',
    name: 'Critical',
    criteria: 'Confirmed compromise of a privileged identity or the control plane; ransomware or destructive deletion; confirmed exfiltration of regulated data; critical service down.',
    response: 'Immediate, 24x7; incident lead and executive sponsor engaged within 1 hour.',
    msSeverity: 'A (critical impact; 24x7 on Standard, Professional Direct and Unified/Premier plans, not on Developer)',
  },
  {
    level: 'SEV 2',
    name: 'High',
    criteria: 'Confirmed compromise of a standard user or workload; malicious activity contained to one system; suspected data exposure under investigation.',
    response: 'Within 4 hours, including out of hours; daily status to the executive sponsor.',
    msSeverity: 'B (moderate impact; business hours, or 24x7 where the plan allows)',
  },
  {
    level: 'SEV 3',
    name: 'Medium',
    criteria: 'Suspicious activity without confirmed compromise; policy violation; single phishing email reported and blocked.',
    response: 'Next business day.',
    msSeverity: 'C (minimum impact; business hours)',
  },
  { level: 'SEV 4', name: 'Low', criteria: 'Events of interest, false positives, informational advisories.', response: 'Routine queue.', msSeverity: 'Not normally needed' },
];

const CATEGORIES: IrPlanModel['categories'] = [
  { category: 'Identity compromise', examples: 'Account takeover, password spray, token theft, MFA fatigue, illicit consent grant' },
  { category: 'Email and collaboration', examples: 'Phishing, business email compromise, malicious forwarding, oversharing' },
  { category: 'Cloud control plane', examples: 'Unauthorised role assignments, policy or logging disabled, resources created for mining' },
  { category: 'Data exposure', examples: 'Public storage, leaked keys or SAS tokens, exfiltration from data services' },
  { category: 'Destructive attack', examples: 'Ransomware on VMs, mass deletion of resources, backups or Microsoft 365 data' },
  { category: 'Provider-side incident', examples: 'Microsoft platform incident or security advisory affecting the tenant' },
];

/** Evaluates a playbook's `selectWhen` and says why it matched. */
function selectPlaybook(
  p: Playbook,
  ctx: { bundle: AssessmentBundle; failingChecks: Set<string>; models: Set<string>; risks: readonly RiskView[] },
): { selected: boolean; reasons: string[]; riskIds: Set<string> } {
  const reasons: string[] = [];
  const riskIds = new Set<string>();
  const evalClause = (c: SelectClause): boolean => {
    if ('always' in c) {
      reasons.push('Always part of the plan.');
      return true;
    }
    if ('checkFailed' in c) {
      const hit = c.checkFailed.filter((id) => ctx.failingChecks.has(id));
      if (hit.length > 0) reasons.push(`Failing check${hit.length > 1 ? 's' : ''} ${hit.join(', ')} in the inventory.`);
      for (const r of ctx.risks) if (r.findings.some((f) => hit.includes(f.checkId))) riskIds.add(r.id);
      return hit.length > 0;
    }
    if ('riskTemplate' in c) {
      const hit = ctx.risks.filter((r) => c.riskTemplate.includes(r.templateId));
      for (const r of hit) riskIds.add(r.id);
      if (hit.length > 0) reasons.push(`${hit.length} register risk${hit.length > 1 ? 's' : ''} of the kind this playbook answers.`);
      return hit.length > 0;
    }
    if ('riskCategory' in c) {
      const hit = ctx.risks.filter((r) => c.riskCategory.includes(r.category as never));
      for (const r of hit) riskIds.add(r.id);
      if (hit.length > 0) reasons.push(`${counted(hit.length, 'risk')} in ${c.riskCategory.map((x) => CATEGORY_LABEL[x as keyof typeof CATEGORY_LABEL] ?? x).join(', ')}.`);
      return hit.length > 0;
    }
    if ('serviceModel' in c) {
      const hit = c.serviceModel.filter((m) => ctx.models.has(m));
      if (hit.length > 0) reasons.push(`${hit.map((m) => MODEL_LABEL[m as keyof typeof MODEL_LABEL] ?? m).join(', ')} in scope.`);
      return hit.length > 0;
    }
    const ok = conditionHolds({ question: c.answer.question, anyOf: c.answer.anyOf }, ctx.bundle.answers);
    if (ok) reasons.push(`Scope answer ${c.answer.question}.`);
    return ok;
  };
  const clauses = 'any' in p.selectWhen ? p.selectWhen.any : p.selectWhen.all;
  const results = clauses.map(evalClause);
  let selected = 'any' in p.selectWhen ? results.some(Boolean) : results.every(Boolean);
  const linked = ctx.risks.filter((r) => r.playbooks.includes(p.id));
  for (const r of linked) riskIds.add(r.id);
  if (linked.length > 0) {
    reasons.push(`Named by ${linked.length} register risk${linked.length > 1 ? 's' : ''}.`);
    selected = true;
  }
  return { selected, reasons: [...new Set(reasons)], riskIds };
}

/** Builds the IR plan part of the report model. */
export function buildIrPlan(input: {
  bundle: AssessmentBundle;
  pack: ContentPack;
  /** risks, most severe first */
  risks: readonly RiskView[];
  clean: (s: unknown, max?: number) => string;
  model: ReportModel;
}): IrPlanModel {
  const { bundle, pack, risks, clean, model } = input;
  const answers = bundle.answers;
  const contacts = bundle.contacts.map((c) => ({
    name: clean(c.name) || 'Not named',
    role: clean(c.role) || 'Not stated',
    organisation: clean(c.organisation ?? model.meta.client),
    email: clean(c.email ?? ''),
    phone: clean(c.phone ?? ''),
    responsibilities: clean((c.responsibilities ?? []).join('; '), 1000),
  }));
  const { sheet, assignments } = contactSheet(bundle, clean, model.meta.client);
  const roles = assignments.map((a, i) => ({ role: a.role.label, description: a.role.duty, assignee: sheet[i]!.gap ? 'To be assigned' : sheet[i]!.name }));
  roles.push({
    role: 'Microsoft',
    description: 'Runs incident response for its own platform, notifies affected customers, and supports the client through support cases. Does not act inside the tenant.',
    assignee: `Microsoft Support (client plan: ${model.placeholders.supportPlan})`,
  });

  const answerStatus = (qid: string): { status: string; basis: string } | undefined => {
    const q = pack.questions.get(qid);
    if (!q) return undefined;
    const a = answers[qid];
    const { result } = scoreAnswer(q, a);
    const labels = a ? q.choices.filter((c) => a.choices.includes(c.id)).map((c) => c.label).join('; ') : '';
    const status = result === 'compliant' ? 'In place' : result === 'partial' ? 'Partial' : result === 'non-compliant' ? 'Not in place' : result === 'not-applicable' ? 'Not applicable' : 'Not assessed';
    return { status, basis: labels ? `Interview ${qid}: ${clean(labels)}` : `Interview ${qid}: not answered` };
  };
  const types = new Set(bundle.inventory.resources.map((r) => r.type.toLowerCase()));
  const m365 = answers['SCOPE-M365']?.choices.includes('yes') ?? false;
  const models = new Set<string>(model.scope.serviceModels.map((m) => m.toLowerCase()));
  const failingChecks = new Set(bundle.inventory.findings.filter((f) => f.status === 'fail').map((f) => f.checkId));
  const passingChecks = new Set(bundle.inventory.findings.filter((f) => f.status === 'pass').map((f) => f.checkId));
  const workspaces = bundle.inventory.resources.filter((r) => r.type.toLowerCase() === 'microsoft.operationalinsights/workspaces').length;

  const detection: IrPlanModel['detectionSources'] = [];
  const addSource = (source: string, qid: string, extra?: string): void => {
    const s = answerStatus(qid);
    if (s) detection.push({ source, status: s.status, basis: extra ? `${s.basis}. ${extra}` : s.basis });
  };
  addSource('Azure Activity Log, central and retained', 'LOG-01', workspaces > 0 ? `${counted(workspaces, 'Log Analytics workspace')} in the inventory.` : 'No Log Analytics workspace in the inventory.');
  addSource('Entra ID sign-in and audit logs', 'LOG-02');
  if (m365) addSource('Microsoft Purview Audit (unified audit log)', 'LOG-03');
  addSource('Resource logs of key services', 'LOG-04');
  addSource('SIEM correlation (Microsoft Sentinel or other)', 'LOG-05');
  addSource('Alert triage (SOC or MSSP)', 'LOG-06');
  addSource('Microsoft Defender XDR', 'LOG-09');
  const dfFail = [...failingChecks].filter((c) => c.startsWith('DF-'));
  const dfPass = [...passingChecks].filter((c) => c.startsWith('DF-') && !failingChecks.has(c));
  addSource(
    'Microsoft Defender for Cloud plans',
    'DEF-04',
    dfFail.length > 0 ? `Inventory: failing ${dfFail.join(', ')}.` : dfPass.length > 0 ? `Inventory: passing ${dfPass.join(', ')}.` : undefined,
  );
  addSource('Virtual network flow logs', 'NET-09');
  addSource('Azure Service Health alerts (provider incidents and advisories)', 'SLA-08');

  const assetClasses = ASSET_CLASSES.flatMap((c) => {
    const why = c.when({ types, m365, models });
    return why ? [{ name: c.name, why, containment: c.containment, eradication: c.eradication, recovery: c.recovery }] : [];
  });

  const playbooks = pack.playbooks
    .map((p) => ({ p, sel: selectPlaybook(p, { bundle, failingChecks, models, risks }) }))
    .filter((x) => x.sel.selected)
    .map(({ p, sel }) => {
      const phases = (['preparation', 'detection-analysis', 'containment', 'eradication', 'recovery', 'post-incident'] as const)
        .map((phase) => ({
          phase: PHASE_LABEL[phase]!,
          customer: p.steps.filter((s) => s.phase === phase && s.actor === 'customer').map((s) => s.text),
          microsoft: p.steps.filter((s) => s.phase === phase && s.actor === 'microsoft').map((s) => s.text),
          shared: p.steps.filter((s) => s.phase === phase && s.actor === 'shared').map((s) => s.text),
        }))
        .filter((x) => x.customer.length + x.microsoft.length + x.shared.length > 0);
      return {
        id: p.id,
        title: p.title,
        summary: p.summary,
        reasons: sel.reasons,
        prerequisites: p.prerequisites ?? [],
        phases,
        ...shortRiskList(sel.riskIds, risks),
        linked: sel.riskIds,
        mappings: p.mappings?.nistCsf?.join(', ') ?? '',
      };
    });

  const readinessGaps = bySeverity(risks.filter((r) => READINESS_CATEGORIES.has(r.category) || READINESS_TEMPLATES.has(r.templateId)))
    // a "Don't know" is not an established gap: its action is to verify (docs/preflight.md)
    .map((r) => ({ riskId: r.id, bookmark: r.bookmark, title: r.title, level: r.inherent.levelLabel, action: r.toVerify ? `To verify: ${r.toVerify.step}` : r.recommendation.summary }));

  // a "Don't know" the IR setup's recorded plan answers is not a gap (docs/preflight.md)
  const supportGapRiskIds = risks.filter((r) => r.templateId === 'RT-IRP-NO-SEVERITY-A-SUPPORT' && !(r.toVerify && r.recordedFacts.length > 0)).map((r) => r.id);

  const ir = bundle.incidentResponse;
  const notificationClocks = selectNotificationClocks(pack.notificationClocks, bundle, pack.questions, clean);
  const rights = decisionRights(bundle, clean);
  const tabletop = tabletopScenarios({ risks, playbooks, rights, clocks: notificationClocks });
  const outOfBandChannel = clean(ir?.outOfBandChannel ?? '', 2000);
  const supportPlans = supportPlanTable(pack.commitments?.supportPlans, model.placeholders.supportPlan);
  const clientPlanRow = supportPlans?.rows.find((r) => r.clients);
  const lead = sheet[assignments.findIndex((a) => a.role.id === 'incident-lead')]!;
  const sponsor = sheet[assignments.findIndex((a) => a.role.id === 'ciso-sponsor')]!;
  const nextReview = (() => {
    const m = /(\d+) (\w+) (\d{4})/.exec(model.meta.date);
    return m ? `${m[1]} ${m[2]} ${Number(m[3]) + 1}` : 'Within 12 months';
  })();

  return {
    planControl: {
      owner: lead.gap ? 'To be assigned' : lead.name,
      approver: clean(ir?.planApprover ?? '', 200) || (sponsor.gap ? 'To be assigned' : `${sponsor.name} (proposed; no approver recorded)`),
      version: model.meta.version,
      date: model.meta.date,
      reviewCycle: 'At least every 12 months, after every SEV 1 or SEV 2 incident or exercise, and whenever the Microsoft support plan, MSSP, or the scope of the Azure or Microsoft 365 estate changes.',
      nextReview,
    },
    nistMapping: [
      { rev2: 'Preparation', csf: 'Govern (GV), Identify (ID), Protect (PR)', section: 'Roles, RACI and contacts; shared responsibility; readiness gaps' },
      { rev2: 'Detection and analysis', csf: 'Detect (DE), Respond: incident analysis (RS.AN)', section: 'Classification and severity; detection and analysis' },
      { rev2: 'Containment, eradication and recovery', csf: 'Respond: mitigation (RS.MI), Recover (RC)', section: 'Containment, eradication and recovery by asset class; playbooks' },
      { rev2: 'Post-incident activity', csf: 'Identify: improvement (ID.IM), Govern (GV)', section: 'Post-incident activity; testing and maintenance' },
      { rev2: '(throughout)', csf: 'Respond: incident management and reporting (RS.MA, RS.CO)', section: 'Communication' },
    ],
    roles,
    raci: { roles: RACI_ROLES, rows: RACI },
    contacts,
    supportPlan: model.placeholders.supportPlan,
    escalationNotes: clean(bundle.incidentResponse?.escalationNotes ?? '', 10_000),
    supportGapRiskIds,
    supportPlans,
    severity: SEVERITY,
    categories: CATEGORIES,
    readinessGaps,
    detectionSources: detection,
    assetClasses,
    playbooks: playbooks.map(({ linked: _l, ...p }) => p),
    tabletop,
    quickCard: quickCard({
      sheet,
      assignments,
      outOfBand: outOfBandChannel,
      supportPlan: model.placeholders.supportPlan,
      roundTheClockA: clientPlanRow ? (clientPlanRow.roundTheClock === 'Yes' ? `Yes, on the client’s plan (initial response ${clientPlanRow.a})` : 'No, not on the client’s plan') : 'Unknown for the recorded plan: confirm with Microsoft',
      clocks: notificationClocks,
    }),
    contactSheet: sheet,
    gaps: irSetupGaps(bundle),
    outOfBandChannel,
    decisionRights: rights,
    notificationClocks,
  };
}
