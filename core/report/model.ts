import type { AssessmentBundle } from '../bundle/schema';
import { isArgCheck } from '../content/schemas';
import type { ContentPack, Matrix } from '../content/types';
import type { Owner, ServiceModel } from '../content/vocabulary';
import { interviewProgress, scoreAnswer, scopeModels, visibleQuestions } from '../interview/flow';
import type { Risk } from '../risks/schema';
import { GREY_AREAS } from './grey-areas';
import { buildIrPlan } from './ir-plan';
import type { DocumentControl, HeatMap, Horizon, IrPlanModel, LevelInfo, MatrixView, Rating, ReportModel, ReportOptions, RiskView } from './types';
import { CATEGORY_LABEL, MODEL_LABEL, OWNER_LABEL, RESULT_LABEL, TREATMENT_LABEL, daysBetween, longDate, longDateTime, riskBookmark } from './labels';
import { cleanUserText } from './sanitize';
import { fillText, type PlaceholderName, type ReportTemplate } from './template';

export type { DocumentControl, HeatMap, Horizon, IrPlanModel, LevelInfo, MatrixView, Rating, ReportModel, ReportOptions, RiskView } from './types';

export const HORIZON_LABEL: Record<Horizon, string> = { '30': 'First 30 days', '60': 'Days 31–60', '90': 'Days 61–90', later: 'Beyond 90 days' };

const MAX_NOTE = 4000;
const MAX_NAME = 300;
const MAX_EVIDENCE = 400;
const RESOURCES_PER_CHECK = 20;

function matrixView(m: Matrix): MatrixView {
  return {
    id: m.id,
    title: m.title,
    version: String(m.version),
    source: m.source,
    columns: m.columns.map((c) => MODEL_LABEL[c]),
    rows: m.rows.map((r) => ({ label: r.label, owners: m.columns.map((c) => (r.owners[c] ? OWNER_LABEL[r.owners[c]] : '—')) })),
  };
}

function formatEvidence(evidence: Record<string, unknown>): string {
  const parts = Object.entries(evidence).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.join('; ');
}

/** How each inventory source reads in the evidence table (a Resource Graph file import names its format). */
const SNAPSHOT_SOURCE_LABEL: Partial<Record<AssessmentBundle['inventory']['snapshots'][number]['source'], string>> = {
  'arg-pull': 'Azure Resource Graph pull',
  'graph-pull': 'Microsoft Graph pull (Entra ID and Microsoft 365)',
  'graph-import': 'Microsoft Graph import (Entra ID and Microsoft 365)',
};

/**
 * Builds the report model from an assessment bundle, its content pack and a template.
 * Pure: no I/O, deterministic for the same inputs (the date comes from the bundle or options).
 */
export function buildReportModel(bundle: AssessmentBundle, pack: ContentPack, template: ReportTemplate, options: ReportOptions = {}): ReportModel {
  const mask = options.mask ?? true;
  const clean = (s: unknown, max = MAX_NAME): string => cleanUserText(s, { mask, max });
  // Graph findings name people (user principal names): personal data, masked with the ids.
  const cleanFound = (f: { resourceType: string } | undefined, s: unknown, max = MAX_NAME): string =>
    cleanUserText(s, { mask, max, personalData: f?.resourceType.startsWith('microsoft.graph/') ?? false });
  const cleanFoundName = (f: { resourceType: string; resourceName: string; resourceId: string }): string =>
    f.resourceType === 'microsoft.graph/users' && f.resourceName ? cleanUserText(f.resourceName, { mask, max: MAX_NAME, personalData: 'person' }) : cleanFound(f, f.resourceName || f.resourceId);
  const a = bundle.assessment;
  const answers = bundle.answers;
  const rm = pack.riskMatrix;
  const levels: LevelInfo[] = [...rm.levels].sort((x, y) => x.order - y.order).map((l) => ({ id: l.id, label: l.label, order: l.order }));
  const levelOf = (id: string): LevelInfo => levels.find((l) => l.id === id) ?? { id, label: id, order: 0 };
  const rating = (likelihood: number, impact: number, level: string): Rating => ({ likelihood, impact, level, levelLabel: levelOf(level).label });
  const matrix = pack.matrices.get(a.matrixId) ?? pack.matrices.get(pack.header.defaultMatrix) ?? [...pack.matrices.values()][0];
  if (!matrix) throw new Error('the content pack has no responsibility matrix');
  const areaLabel = (area: string): string => matrix.rows.find((r) => r.id === matrix.areaMap[area])?.label ?? area;
  const reportDate = (options.date ?? bundle.exportedAt).slice(0, 10);

  // --- findings and checks, indexed once
  const checkById = new Map(pack.checks.map((c) => [c.id, c]));
  const findingByKey = new Map<string, (typeof bundle.inventory.findings)[number]>();
  for (const f of bundle.inventory.findings) findingByKey.set(`${f.checkId}|${f.resourceId}`, f);
  const resourceById = new Map(bundle.inventory.resources.map((r) => [r.id, r]));

  const choiceLabels = (questionId: string, choices: string[]): string => {
    const q = pack.questions.get(questionId);
    if (!q) return clean(choices.join(', '));
    return choices.map((c) => q.choices.find((x) => x.id === c)?.label ?? c).join('; ');
  };

  // --- risks
  const horizonOf = (r: Risk, residual: Rating): Horizon => {
    if (r.dueDate) {
      const d = daysBetween(reportDate, r.dueDate);
      return d <= 30 ? '30' : d <= 60 ? '60' : d <= 90 ? '90' : 'later';
    }
    const order = levelOf(r.inherentLevel).order;
    const top = levels[levels.length - 1]?.order ?? 4;
    if (r.treatment === 'accept') return 'later';
    if (order >= top || (order >= top - 1 && r.effort === 'low')) return '30';
    if (order >= top - 1) return '60';
    if (order >= top - 2 || residual.level !== r.inherentLevel) return '90';
    return 'later';
  };

  const frameworkTitle = (key: 'mcsb' | 'cis' | 'nistCsf', id: string): string => pack.frameworks[key]?.controls.find((c) => c.id === id)?.title ?? '';
  const FRAMEWORK_NAME = { mcsb: 'Microsoft cloud security benchmark v1', cis: 'CIS Microsoft Azure Foundations 6.0.0', nistCsf: 'NIST CSF 2.0' } as const;

  const risks: RiskView[] = bundle.risks.map((r) => {
    const owner = r.ownerOverride?.owner ?? r.owner;
    const inherent = rating(r.likelihood, r.impact, r.inherentLevel);
    const residual = r.residual ? rating(r.residual.likelihood, r.residual.impact, r.residual.level) : inherent;
    const basis = r.ownerBasis.map((b) => `${OWNER_LABEL[b.owner].toLowerCase()} in ${MODEL_LABEL[b.serviceModel]}`).join(', ');
    const fromMatrix = basis
      ? `${matrix.title} assigns “${areaLabel(r.area)}” to the ${basis}${r.ownerBasis.length > 1 && owner === 'shared' ? '; different owners across the service models involved make it shared' : ''}.`
      : `${matrix.title} assigns “${areaLabel(r.area)}” the same owner in every service model.`;
    const justification = r.ownerOverride
      ? `Set to ${OWNER_LABEL[r.ownerOverride.owner]} by ${clean(r.ownerOverride.by ?? 'the consultant')} on ${longDate(r.ownerOverride.at)} (matrix: ${OWNER_LABEL[r.owner]}): ${clean(r.ownerOverride.justification, MAX_NOTE)}`
      : fromMatrix;

    // findings behind the risk, grouped by check
    const byCheck = new Map<string, RiskView['findings'][number]>();
    for (const ef of r.evidence.findings) {
      let g = byCheck.get(ef.checkId);
      const check = checkById.get(ef.checkId);
      const f = findingByKey.get(`${ef.checkId}|${ef.resourceId}`);
      if (!g) {
        g = { checkId: ef.checkId, checkTitle: clean(check?.title ?? f?.title ?? ef.checkId), severity: check?.severity ?? f?.severity ?? '', total: 0, resources: [] };
        byCheck.set(ef.checkId, g);
      }
      g.total++;
      if (g.resources.length < RESOURCES_PER_CHECK) {
        const res = resourceById.get(ef.resourceId);
        g.resources.push({
          name: f ? cleanFoundName(f) : clean(res?.name ?? ef.resourceId),
          type: clean(f?.resourceType ?? res?.type ?? ''),
          resourceGroup: clean(res?.resourceGroup ?? ''),
          subscription: clean(ef.subscriptionId),
          evidence: f ? cleanFound(f, formatEvidence(f.evidence), MAX_EVIDENCE) : '',
        });
      }
    }

    const mappings: RiskView['mappings'] = [];
    for (const key of ['mcsb', 'cis', 'nistCsf'] as const) {
      const ids = r.mappings[key];
      if (ids && ids.length > 0) mappings.push({ framework: FRAMEWORK_NAME[key], ids: ids.map((id) => ({ id, title: frameworkTitle(key, id) })) });
    }
    const view: RiskView = {
      id: r.id,
      bookmark: riskBookmark(r.id),
      templateId: r.templateId,
      title: clean(r.title),
      threat: clean(r.threat, MAX_NOTE),
      category: r.category,
      categoryLabel: CATEGORY_LABEL[r.category],
      areaLabel: areaLabel(r.area),
      serviceModels: r.serviceModels.length > 0 ? r.serviceModels.map((m) => MODEL_LABEL[m]).join(', ') : 'All',
      owner,
      ownerLabel: OWNER_LABEL[owner],
      ownerJustification: justification,
      action: owner === 'microsoft' ? 'verify' : r.action,
      inherent,
      residual,
      residualSet: r.residual !== null,
      treatment: r.treatment ? TREATMENT_LABEL[r.treatment] : 'To be decided',
      actionOwner: r.actionOwner ? clean(r.actionOwner) : 'To be assigned',
      dueDate: r.dueDate ? longDate(r.dueDate) : 'To be agreed',
      horizon: horizonOf(r, residual),
      effort: r.effort,
      userImpact: r.userImpact,
      recommendation: {
        summary: clean(r.recommendation.summary, MAX_NOTE),
        portal: (r.recommendation.portal ?? []).map((s) => clean(s, MAX_NOTE)),
        cli: clean(r.recommendation.cli ?? '', MAX_NOTE),
      },
      verification: clean(r.verification ?? '', MAX_NOTE),
      mappings,
      playbooks: r.irPlaybooks,
      answers: r.evidence.answers.map((ans) => ({
        questionId: ans.questionId,
        question: clean(pack.questions.get(ans.questionId)?.text ?? ans.questionId, MAX_NOTE),
        answer: clean(choiceLabels(ans.questionId, ans.choices), MAX_NOTE),
        result: ans.result ? RESULT_LABEL[ans.result] : '',
        note: clean(answers[ans.questionId]?.note ?? '', MAX_NOTE),
      })),
      findings: [...byCheck.values()],
      affectedResourceCount: r.evidence.affectedResources.length,
      subscriptions: r.evidence.subscriptions.map((s) => clean(s)),
      disagreements: r.disagreements.map((d) => clean(d.message, MAX_NOTE)),
      history: r.history.map((h) => ({ at: longDate(h.at), action: clean(h.action), detail: clean(h.detail, MAX_NOTE), by: clean(h.by ?? '') })),
    };
    if (r.acceptance) view.acceptance = { acceptedBy: clean(r.acceptance.acceptedBy), expires: longDate(r.acceptance.expires), reason: clean(r.acceptance.reason ?? '', MAX_NOTE) };
    return view;
  });

  const bySeverity = (x: RiskView, y: RiskView): number =>
    levelOf(y.residual.level).order - levelOf(x.residual.level).order ||
    levelOf(y.inherent.level).order - levelOf(x.inherent.level).order ||
    y.inherent.likelihood * y.inherent.impact - x.inherent.likelihood * x.inherent.impact ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const effortRank = { low: 0, medium: 1, high: 2 } as Record<string, number>;
  // roadmap order (docs/DOMAIN.md §4): residual level, then effort, then user impact
  const byRoadmap = (x: RiskView, y: RiskView): number =>
    levelOf(y.residual.level).order - levelOf(x.residual.level).order ||
    (effortRank[x.effort] ?? 1) - (effortRank[y.effort] ?? 1) ||
    (effortRank[x.userImpact] ?? 1) - (effortRank[y.userImpact] ?? 1) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

  // --- heat maps
  const heat = (pick: (r: RiskView) => Rating): HeatMap => {
    const counts = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
    const ids = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
    for (const r of risks) {
      const x = pick(r);
      counts[x.likelihood - 1]![x.impact - 1]!++;
      ids[x.likelihood - 1]![x.impact - 1]!.push(r.id);
    }
    return { counts, ids };
  };

  // --- posture
  const byLevel = levels.map((level) => ({
    level,
    inherent: risks.filter((r) => r.inherent.level === level.id).length,
    residual: risks.filter((r) => r.residual.level === level.id).length,
  }));
  const top = levels[levels.length - 1];
  const second = levels[levels.length - 2];
  const topCount = byLevel.find((b) => b.level.id === top?.id)?.inherent ?? 0;
  const secondCount = byLevel.find((b) => b.level.id === second?.id)?.inherent ?? 0;
  const postureRating = topCount >= 3 || topCount + secondCount >= 10 ? 'Weak' : topCount > 0 || secondCount >= 3 ? 'Needs improvement' : secondCount > 0 ? 'Fair' : 'Good';
  const progress = interviewProgress(pack, answers);
  const statement =
    postureRating === 'Weak'
      ? `Several risks are rated ${top?.label ?? 'at the top level'}: an attacker has realistic paths to a tenant-wide compromise or major data loss today, and the first 30 days of the roadmap should be treated as urgent.`
      : postureRating === 'Needs improvement'
        ? 'The estate has a workable foundation but a small number of serious gaps; closing the 30-day priorities removes the most likely attack paths.'
        : postureRating === 'Fair'
          ? 'No risk reaches the top level; the remaining high-rated risks should be treated in the next quarter.'
          : 'No high-rated risk was identified; maintain the controls and verify Microsoft’s side as described.';

  // --- responsibility
  const counts: Record<Owner | 'unknown', number> = { microsoft: 0, customer: 0, shared: 0, unknown: 0 };
  for (const r of risks) counts[r.owner]++;
  const categories = [...new Set(risks.map((r) => r.category))];
  const byCategory = categories
    .map((c) => ({
      category: CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL] ?? c,
      microsoft: risks.filter((r) => r.category === c && r.owner === 'microsoft').length,
      customer: risks.filter((r) => r.category === c && r.owner === 'customer').length,
      shared: risks.filter((r) => r.category === c && r.owner === 'shared').length,
    }))
    .sort((x, y) => y.customer + y.shared - (x.customer + x.shared) || x.category.localeCompare(y.category));

  const priorities: Record<Horizon, RiskView[]> = { '30': [], '60': [], '90': [], later: [] };
  for (const r of [...risks].sort(byRoadmap)) priorities[r.horizon].push(r);

  // --- scope
  const scopeAnswer = (id: string): string => {
    const ans = answers[id];
    return ans && ans.choices.length > 0 ? clean(choiceLabels(id, ans.choices), MAX_NOTE) : 'Not answered';
  };
  const models = a.scope.serviceModels.length > 0 ? a.scope.serviceModels : (scopeModels(answers) ?? []);
  const snapshots = [...bundle.inventory.snapshots].sort((x, y) => (x.takenAt < y.takenAt ? 1 : -1));
  const snapshotTime = snapshots[0] ? longDateTime(snapshots[0].takenAt) : 'No inventory was collected';
  const resources = bundle.inventory.resources;
  const subscriptions = [...new Set([...a.scope.subscriptions, ...resources.map((r) => r.subscriptionId).filter((s) => s !== '')])].sort();

  // --- environment
  const countBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return m;
  };
  const sortCounts = (m: Map<string, number>): [string, number][] => [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const typeModel = new Map(resources.map((r) => [r.type.toLowerCase(), r.serviceModel]));
  const failing = bundle.inventory.findings.filter((f) => f.status === 'fail');
  const sevRank = { critical: 4, high: 3, medium: 2, low: 1 } as Record<string, number>;
  const exposure = sortCounts(countBy(failing, (f) => f.checkId))
    .map(([checkId, n]) => {
      const check = checkById.get(checkId);
      const examples = failing
        .filter((f) => f.checkId === checkId)
        .slice(0, 3)
        .map(cleanFoundName)
        .join(', ');
      return { checkId, title: clean(check?.title ?? checkId), severity: check?.severity ?? '', failing: n, examples };
    })
    .sort((x, y) => (sevRank[y.severity] ?? 0) - (sevRank[x.severity] ?? 0) || y.failing - x.failing || x.checkId.localeCompare(y.checkId));

  // --- shared responsibility on the matrix
  const inScopeModels: ServiceModel[] = models.length > 0 ? models : ['iaas', 'paas', 'saas'];
  const other = [...pack.matrices.values()].find((m) => m.id !== matrix.id);
  const disagreements: ReportModel['sharedResponsibility']['disagreements'] = [];
  if (other) {
    for (const row of matrix.rows) {
      const canonical = Object.entries(matrix.areaMap).find(([, v]) => v === row.id)?.[0];
      if (!canonical) continue;
      const otherRow = other.rows.find((r) => r.id === other.areaMap[canonical]);
      for (const m of ['iaas', 'paas', 'saas'] as const) {
        const u = row.owners[m];
        const o = otherRow?.owners[m];
        if (u && o && u !== o) disagreements.push({ area: row.label, model: MODEL_LABEL[m], used: OWNER_LABEL[u], other: OWNER_LABEL[o] });
      }
    }
  }
  const clientRisks = matrix.rows.map((row) => ({
    area: row.label,
    cells: inScopeModels.map((m) => ({
      model: MODEL_LABEL[m],
      owner: row.owners[m] ? OWNER_LABEL[row.owners[m]] : '—',
      riskIds: bundle.risks
        .filter((r) => matrix.areaMap[r.area] === row.id && (r.serviceModels.length === 0 ? true : r.serviceModels.includes(m)))
        .map((r) => r.id),
    })),
  }));
  const byTemplate = new Map<string, string[]>();
  for (const r of bundle.risks) byTemplate.set(r.templateId, [...(byTemplate.get(r.templateId) ?? []), r.id]);
  const greyAreas = GREY_AREAS.map((g) => ({
    assumption: g.assumption,
    reality: g.reality,
    clientAction: g.clientAction,
    riskIds: g.riskTemplates.flatMap((t) => byTemplate.get(t) ?? []).sort(),
  }));

  // --- interview log
  const interviewLog = visibleQuestions(pack, answers).map(({ domain, questions }) => ({
    domain: domain.title,
    rows: questions.map((q) => {
      const ans = answers[q.id];
      const { result } = scoreAnswer(q, ans);
      return {
        questionId: q.id,
        question: q.text,
        answer: ans && ans.choices.length > 0 ? clean(choiceLabels(q.id, ans.choices), MAX_NOTE) : ans?.notApplicable ? 'Marked not applicable' : 'Not answered',
        result: result ? RESULT_LABEL[result] : ans?.notApplicable && ans.choices.length === 0 ? RESULT_LABEL['not-applicable'] : q.kind === 'scope' ? 'Scope' : '',
        note: clean(ans?.note ?? '', MAX_NOTE),
      };
    }),
  }));

  // --- technical evidence
  const ranChecks = new Set(bundle.inventory.findings.map((f) => f.checkId));
  for (const s of bundle.inventory.snapshots) for (const q of s.queries ?? []) ranChecks.add(q);
  // Resource Graph queries only: a Graph check reads the snapshot's fixed requests, not a query of its own.
  const queries = pack.checks
    .filter(isArgCheck)
    .filter((c) => ranChecks.has(c.id))
    .map((c) => ({ checkId: c.id, title: c.title, table: c.table, query: c.query.trimEnd() }));

  const references: ReportModel['references'] = [
    { title: `${matrix.title} (version ${String(matrix.version)})`, source: matrix.source },
    ...(other ? [{ title: `${other.title} (version ${String(other.version)})`, source: other.source }] : []),
    { title: `${rm.title} (version ${String(rm.version)})`, source: rm.source },
    ...(['mcsb', 'cis', 'nistCsf'] as const).flatMap((k) => {
      const f = pack.frameworks[k];
      return f ? [{ title: `${f.title} (version ${String(f.version)})`, source: f.source }] : [];
    }),
    { title: 'NIST SP 800-61 Rev. 3, Incident Response Recommendations and Considerations for Cybersecurity Risk Management (April 2025)', source: 'https://doi.org/10.6028/NIST.SP.800-61r3' },
    { title: 'NIST SP 800-61 Rev. 2, Computer Security Incident Handling Guide (August 2012, withdrawn)', source: 'https://doi.org/10.6028/NIST.SP.800-61r2' },
    { title: `${pack.header.title} content pack ${pack.header.version}`, source: `Demarc content pack '${pack.header.id}', published ${pack.header.publicationDate}` },
  ];

  // --- meta and placeholders
  const manifest = template.manifest;
  const client = clean(a.client) || 'the client';
  const recorded = a.engagement ?? {};
  const classification = recorded.classification ? clean(recorded.classification) || manifest.classification.marking : manifest.classification.marking;
  const engagementId = clean(recorded.engagementId ?? '', 100);
  const engagementDates =
    recorded.startDate && recorded.endDate
      ? recorded.startDate === recorded.endDate
        ? longDate(recorded.startDate)
        : `${longDate(recorded.startDate)} – ${longDate(recorded.endDate)}`
      : recorded.startDate
        ? `From ${longDate(recorded.startDate)}`
        : recorded.endDate
          ? `Until ${longDate(recorded.endDate)}`
          : '';
  const attendees = (recorded.attendees ?? [])
    .map((x) => ({ name: clean(x.name), role: clean(x.role) }))
    .filter((x) => x.name || x.role)
    .map((x) => ({ name: x.name || 'Not named', role: x.role || 'Not stated' }));
  const engagement = clean(a.name);
  const version = clean(options.version ?? manifest.document.version);
  const date = longDate(reportDate);
  const firmName = manifest.branding.firmName;
  const preparedBy = a.consultant ? `${clean(a.consultant)}, ${firmName}` : firmName;
  const preparedFor = clean(options.preparedFor ?? client);
  const sortedRisks = [...risks].sort(bySeverity);
  // the IR setup's plan when one was chosen; otherwise the interview answer (IRP-05)
  const setupPlan = bundle.incidentResponse?.supportPlan;
  const irp05 = scopeAnswer('IRP-05');
  const supportPlan = setupPlan && setupPlan !== 'Not known' ? setupPlan : irp05 === 'Not answered' && setupPlan ? setupPlan : irp05;
  const criticality = scopeAnswer('SCOPE-CRITICALITY');
  const placeholders: Record<PlaceholderName, string> = {
    client,
    engagement,
    reportTitle: manifest.document.reportTitle,
    irPlanTitle: manifest.document.irPlanTitle,
    firmName,
    preparedBy,
    preparedFor,
    version,
    date,
    classification,
    packTitle: pack.header.title,
    packVersion: pack.header.version,
    matrixTitle: matrix.title,
    matrixVersion: String(matrix.version),
    matrixSource: matrix.source,
    riskMatrixTitle: rm.title,
    riskMatrixSource: rm.source,
    snapshotTime,
    resourceCount: String(resources.length),
    subscriptionCount: String(subscriptions.length),
    riskCount: String(risks.length),
    customerRiskCount: String(counts.customer),
    microsoftRiskCount: String(counts.microsoft),
    sharedRiskCount: String(counts.shared),
    postureRating,
    questionsAnswered: String(progress.answered),
    serviceModels: inScopeModels.map((m) => MODEL_LABEL[m]).join(', '),
    supportPlan,
    criticality,
  };
  // manifest strings may themselves use placeholders (values are plain text, substituted once)
  const fill = (s: string): string => fillText(s, placeholders);
  placeholders.preparedBy = a.consultant ? preparedBy : fill(manifest.document.preparedBy);

  const contacts = bundle.contacts.filter((c) => c.name.trim() !== '');
  const documentControl: DocumentControl = {
    versions: options.documentControl?.versions ?? [
      { version: '0.1', date: longDate(a.createdAt), author: placeholders.preparedBy, change: 'Assessment started; interview and inventory collection' },
      { version, date, author: placeholders.preparedBy, change: a.status === 'final' ? 'Issued to the client' : 'Draft for client review' },
    ],
    reviewers: options.documentControl?.reviewers ?? [
      { name: placeholders.preparedBy, role: 'Author' },
      ...contacts.slice(0, 2).map((c) => ({ name: clean(c.name), role: `${clean(c.role)} (client reviewer)` })),
    ],
    distribution: options.documentControl?.distribution ?? contacts.map((c) => ({ name: clean(c.name), organisation: clean(c.organisation ?? client), role: clean(c.role) })),
  };

  const model: ReportModel = {
    placeholders,
    meta: {
      title: manifest.document.reportTitle,
      irPlanTitle: manifest.document.irPlanTitle,
      client,
      engagement,
      version,
      date,
      classification,
      classificationNotice: fill(manifest.classification.notice),
      preparedBy: placeholders.preparedBy,
      preparedFor,
      engagementId,
      engagementDates,
      firmName,
      keywords: ['shared responsibility', 'risk assessment', 'Azure', 'Microsoft 365', 'incident response', client].join(', '),
      subject: `${engagement} — ${client}`,
      masked: mask,
    },
    documentControl,
    levels,
    riskMatrix: {
      title: rm.title,
      source: rm.source,
      likelihood: rm.likelihood.map((l) => ({ value: l.value, label: l.label, description: l.description ?? '' })),
      impact: rm.impact.map((l) => ({ value: l.value, label: l.label, description: l.description ?? '' })),
      grid: rm.grid,
    },
    posture: {
      rating: postureRating,
      statement,
      byLevel,
      domainScores: progress.domains.filter((d) => d.domainId !== 'scoping').map((d) => ({ title: d.title, answered: d.answered, total: d.total, score: d.score })),
      residualUnset: risks.filter((r) => !r.residualSet).length,
    },
    heatmaps: { inherent: heat((r) => r.inherent), residual: heat((r) => r.residual) },
    topRisks: sortedRisks.slice(0, 10),
    responsibility: {
      counts,
      customerMustOwn: sortedRisks.filter((r) => r.owner === 'customer' || r.owner === 'shared'),
      verifyOnly: sortedRisks.filter((r) => r.owner === 'microsoft'),
      byCategory,
    },
    priorities,
    scope: {
      serviceModels: inScopeModels.map((m) => MODEL_LABEL[m]),
      m365: scopeAnswer('SCOPE-M365'),
      otherClouds: scopeAnswer('SCOPE-OTHER-CLOUDS'),
      regulated: scopeAnswer('SCOPE-REGULATED'),
      criticality,
      subscriptions: subscriptions.map((s) => clean(s)),
      notes: clean(a.scope.notes ?? '', MAX_NOTE),
      engagementDates,
      attendees,
      questionsAnswered: progress.answered,
      questionsVisible: progress.total,
      domains: progress.domains.map((d) => d.title),
      snapshotTime,
      packTitle: pack.header.title,
      packVersion: pack.header.version,
    },
    environment: {
      resourceCount: resources.length,
      subscriptionCount: subscriptions.length,
      resourceGroupCount: new Set(resources.map((r) => `${r.subscriptionId}/${r.resourceGroup.toLowerCase()}`)).size,
      byType: sortCounts(countBy(resources, (r) => r.type.toLowerCase())).map(([type, count]) => ({ type: clean(type), model: MODEL_LABEL[typeModel.get(type) ?? 'unknown'], count })),
      byRegion: sortCounts(countBy(resources, (r) => r.location || 'global')).map(([region, count]) => ({ region: clean(region), count })),
      byModel: sortCounts(countBy(resources, (r) => r.serviceModel)).map(([m, count]) => ({ model: MODEL_LABEL[m as ServiceModel] ?? m, count })),
      exposure,
      findingTotals: {
        pass: bundle.inventory.findings.filter((f) => f.status === 'pass').length,
        fail: failing.length,
        notApplicable: bundle.inventory.findings.filter((f) => f.status === 'not-applicable').length,
      },
    },
    sharedResponsibility: {
      matrix: matrixView(matrix),
      ...(other ? { otherMatrix: matrixView(other) } : {}),
      disagreements,
      clientRisks,
      models: inScopeModels.map((m) => MODEL_LABEL[m]),
      greyAreas,
    },
    risks,
    roadmap: (['30', '60', '90', 'later'] as const).map((h) => ({ horizon: h, label: HORIZON_LABEL[h], items: priorities[h] })),
    irPlan: undefined as unknown as IrPlanModel,
    interviewLog,
    evidence: {
      snapshots: snapshots.map((s) => ({
        id: clean(s.id),
        takenAt: longDateTime(s.takenAt),
        source: SNAPSHOT_SOURCE_LABEL[s.source] ?? `File import${s.format ? ` (${s.format})` : ''}`,
        file: clean(s.fileName ?? ''),
        rows: s.rowCount,
        subscriptions: s.subscriptions.map((x) => clean(x)).join(', '),
      })),
      queries,
      scopeNote: subscriptions.length > 0 ? `${subscriptions.length} subscription(s): ${subscriptions.map((s) => clean(s)).join(', ')}` : 'No subscription was in scope.',
    },
    references,
    acceptedRisks: sortedRisks.filter((r) => r.treatment === 'Accept'),
  };
  model.irPlan = buildIrPlan({ bundle, pack, risks: sortedRisks, clean, model });
  return model;
}
