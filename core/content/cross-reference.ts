import type { InterviewFile } from './schemas';
import { isArgCheck, isGraphCheck } from './schemas';
import type { ArgCheck, Check, GraphCheckEntry, Framework, Matrix, PackHeader, Playbook, Question, RiskMatrix, RiskTemplate, VisibleWhen } from './schemas';
import type { FixtureFile, Located, ParsedPack } from './parse-files';
import type { CheckFixtures, ContentError, Domain } from './types';
import { areas, type Area, type FrameworkKey, type Mappings, type ServiceModel, type Severity } from './vocabulary';

/**
 * Step 2 of loading a pack: each kind indexed by id and checked against the others.
 * Each function adds what is wrong to `errors` and returns the index later steps need.
 */

type Errors = ContentError[];

export function checkRequiredFiles(parsed: ParsedPack, errors: Errors): void {
  if (!parsed.paths.has('pack.yaml')) errors.push({ file: 'pack.yaml', path: '', message: 'missing pack header file' });
  if (!parsed.paths.has('risk-matrix.yaml')) errors.push({ file: 'risk-matrix.yaml', path: '', message: 'missing risk matrix file' });
  if (!parsed.sawServiceModels) errors.push({ file: 'service-models.yaml', path: '', message: 'missing service models file' });
}

function checkMatrix(m: Located<Matrix>, errors: Errors): void {
  const rowIds = new Set<string>();
  m.value.rows.forEach((row, i) => {
    if (rowIds.has(row.id)) errors.push({ file: m.file, path: `rows[${i}].id`, message: `duplicate row id '${row.id}'` });
    rowIds.add(row.id);
    for (const col of m.value.columns) {
      if (!row.owners[col]) errors.push({ file: m.file, path: `rows[${i}].owners`, message: `no owner for column '${col}'` });
    }
  });
  for (const area of areas) {
    const target = m.value.areaMap[area];
    if (!target) errors.push({ file: m.file, path: 'areaMap', message: `canonical area '${area}' is not mapped to a row` });
    else if (!rowIds.has(target)) errors.push({ file: m.file, path: `areaMap.${area}`, message: `unknown row '${target}'` });
  }
  for (const key of Object.keys(m.value.areaMap)) {
    if (!(areas as readonly string[]).includes(key)) errors.push({ file: m.file, path: `areaMap.${key}`, message: `'${key}' is not a canonical area` });
  }
  for (const model of ['iaas', 'paas', 'saas'] as const) {
    if (!m.value.columns.includes(model)) errors.push({ file: m.file, path: 'columns', message: `missing column '${model}'` });
  }
}

export function indexMatrices(matrices: Located<Matrix>[], header: PackHeader | undefined, errors: Errors): Map<string, Matrix> {
  const matrixMap = new Map<string, Matrix>();
  for (const m of matrices) {
    if (matrixMap.has(m.value.id)) errors.push({ file: m.file, path: 'id', message: `duplicate matrix id '${m.value.id}'` });
    matrixMap.set(m.value.id, m.value);
    checkMatrix(m, errors);
  }
  if (header && !matrixMap.has(header.defaultMatrix))
    errors.push({ file: 'pack.yaml', path: 'defaultMatrix', message: `unknown matrix '${header.defaultMatrix}' (known: ${[...matrixMap.keys()].join(', ') || 'none'})` });
  return matrixMap;
}

export function checkRiskMatrix(riskMatrix: RiskMatrix | undefined, errors: Errors): void {
  if (!riskMatrix) return;
  const levelIds = new Set(riskMatrix.levels.map((l) => l.id));
  riskMatrix.grid.forEach((row, li) =>
    row.forEach((cell, ii) => {
      if (!levelIds.has(cell)) errors.push({ file: 'risk-matrix.yaml', path: `grid[${li}][${ii}]`, message: `unknown level '${cell}'` });
    }),
  );
  for (const scale of ['likelihood', 'impact'] as const) {
    riskMatrix[scale].forEach((e, i) => {
      if (e.value !== i + 1) errors.push({ file: 'risk-matrix.yaml', path: `${scale}[${i}].value`, message: `expected ${i + 1}` });
    });
  }
}

export function indexServiceModels(entries: ParsedPack['serviceModelEntries'], errors: Errors): Map<string, ServiceModel> {
  const serviceModels = new Map<string, ServiceModel>();
  for (const e of entries) {
    if (serviceModels.has(e.value.type)) errors.push({ file: e.file, path: `${e.path}.type`, message: `duplicate type '${e.value.type}'` });
    serviceModels.set(e.value.type, e.value.model);
  }
  return serviceModels;
}

/** Reports mapping ids that no control list knows; `prefix` is the YAML path of the owner (with its trailing dot). */
export type MappingChecker = (file: string, prefix: string, mappings: Mappings | undefined) => void;

function checkFramework(f: Located<Framework>, ids: Set<string>, errors: Errors): void {
  const groups = new Set((f.value.groups ?? []).map((g) => g.id));
  f.value.controls.forEach((c, i) => {
    if (ids.has(c.id)) errors.push({ file: f.file, path: `controls[${i}].id`, message: `duplicate control id '${c.id}'` });
    ids.add(c.id);
    if (c.group && !groups.has(c.group)) errors.push({ file: f.file, path: `controls[${i}].group`, message: `unknown group '${c.group}'` });
  });
  f.value.controls.forEach((c, i) => {
    if (c.parent && !ids.has(c.parent)) errors.push({ file: f.file, path: `controls[${i}].parent`, message: `unknown parent '${c.parent}'` });
  });
}

export function indexFrameworks(frameworks: Located<Framework>[], errors: Errors): { frameworks: Partial<Record<FrameworkKey, Framework>>; checkMappings: MappingChecker } {
  const frameworkMap: Partial<Record<FrameworkKey, Framework>> = {};
  const controlIds: Record<FrameworkKey, Set<string>> = { mcsb: new Set(), cis: new Set(), nistCsf: new Set() };
  for (const f of frameworks) {
    const key = f.value.framework;
    if (frameworkMap[key]) errors.push({ file: f.file, path: 'framework', message: `a second control list for '${key}'` });
    frameworkMap[key] = f.value;
    checkFramework(f, controlIds[key], errors);
  }
  for (const key of ['mcsb', 'cis', 'nistCsf'] as const) {
    if (!frameworkMap[key]) errors.push({ file: 'frameworks/', path: '', message: `no control list for '${key}'` });
  }
  const checkMappings: MappingChecker = (file, prefix, mappings) => {
    if (!mappings) return;
    for (const key of ['mcsb', 'cis', 'nistCsf'] as const) {
      mappings[key]?.forEach((id, i) => {
        if (!controlIds[key].has(id)) errors.push({ file, path: `${prefix}mappings.${key}[${i}]`, message: `unknown ${key} id '${id}'` });
      });
    }
  };
  return { frameworks: frameworkMap, checkMappings };
}

/** Where a question sits: its file, YAML path and position in the whole interview. */
export interface QuestionPos {
  file: string;
  path: string;
  index: number;
}

export interface InterviewIndex {
  domains: Domain[];
  questions: Map<string, Question>;
  questionDomain: Map<string, string>;
  questionPos: Map<string, QuestionPos>;
}

function toDomain(f: Located<InterviewFile>): Domain {
  const d = f.value.domain;
  const domain: Domain = { id: d.id, title: d.title, order: d.order, file: f.file, questions: [] };
  if (d.description !== undefined) domain.description = d.description;
  if (d.visibleWhen !== undefined) domain.visibleWhen = d.visibleWhen;
  return domain;
}

export function indexInterview(interviewFiles: Located<InterviewFile>[], errors: Errors): InterviewIndex {
  const ordered = [...interviewFiles].sort((a, b) => a.value.domain.order - b.value.domain.order || (a.file < b.file ? -1 : 1));
  const index: InterviewIndex = { domains: [], questions: new Map(), questionDomain: new Map(), questionPos: new Map() };
  const domainIds = new Map<string, string>();
  let position = 0;
  for (const f of ordered) {
    const d = f.value.domain;
    if (domainIds.has(d.id)) errors.push({ file: f.file, path: 'domain.id', message: `duplicate domain id '${d.id}' (also in ${domainIds.get(d.id)})` });
    domainIds.set(d.id, f.file);
    const domain = toDomain(f);
    index.domains.push(domain);
    f.value.questions.forEach((q, i) => {
      const prev = index.questionPos.get(q.id);
      if (prev) errors.push({ file: f.file, path: `questions[${i}].id`, message: `duplicate question id '${q.id}' (also in ${prev.file} at ${prev.path})` });
      else {
        index.questions.set(q.id, q);
        index.questionDomain.set(q.id, d.id);
        index.questionPos.set(q.id, { file: f.file, path: `questions[${i}]`, index: position++ });
      }
      domain.questions.push(q);
    });
  }
  return index;
}

export interface TemplateIndex {
  riskTemplates: Map<string, RiskTemplate>;
  /** template id -> where it is defined */
  templatePos: Map<string, { file: string; path: string }>;
}

export function indexTemplates(templates: Located<RiskTemplate>[], errors: Errors): TemplateIndex {
  const index: TemplateIndex = { riskTemplates: new Map(), templatePos: new Map() };
  for (const t of templates) {
    const prev = index.templatePos.get(t.value.id);
    if (prev) errors.push({ file: t.file, path: `${t.path}.id`, message: `duplicate risk template id '${t.value.id}' (also in ${prev.file})` });
    index.riskTemplates.set(t.value.id, t.value);
    index.templatePos.set(t.value.id, { file: t.file, path: t.path });
  }
  return index;
}

function checkAggregate(c: Located<ArgCheck>, errors: Errors): void {
  const ck = c.value;
  if (!ck.aggregate) return;
  const names = new Set(Object.keys(ck.aggregate.sets));
  for (const [name, d] of Object.entries(ck.aggregate.derive ?? {})) {
    const at = `${c.path}.aggregate.derive.${name}`;
    if ('collect' in d && !names.has(d.collect.set)) errors.push({ file: c.file, path: `${at}.collect.set`, message: `unknown set '${d.collect.set}'` });
    if ('distinct' in d && !names.has(d.distinct.set)) errors.push({ file: c.file, path: `${at}.distinct.set`, message: `unknown set '${d.distinct.set}'` });
    if ('difference' in d)
      d.difference.forEach((n, i) => {
        if (!names.has(n)) errors.push({ file: c.file, path: `${at}.difference[${i}]`, message: `unknown set or derived value '${n}'` });
      });
    names.add(name);
  }
}

export interface CheckIndex {
  checkMap: Map<string, Check>;
  checkPos: Map<string, { file: string; path: string }>;
}

export function indexChecks(
  checks: Located<Check>[],
  ctx: { riskTemplates: Map<string, RiskTemplate>; serviceModels: Map<string, ServiceModel>; checkMappings: MappingChecker; graphEvaluators: ReadonlyMap<string, GraphEvaluatorInfo> },
  errors: Errors,
): CheckIndex {
  const index: CheckIndex = { checkMap: new Map(), checkPos: new Map() };
  for (const c of checks) {
    const ck = c.value;
    const prev = index.checkPos.get(ck.id);
    if (prev) errors.push({ file: c.file, path: `${c.path}.id`, message: `duplicate check id '${ck.id}' (also in ${prev.file})` });
    index.checkMap.set(ck.id, ck);
    index.checkPos.set(ck.id, { file: c.file, path: c.path });
    if (!ctx.riskTemplates.has(ck.risk)) errors.push({ file: c.file, path: `${c.path}.risk`, message: `missing risk template '${ck.risk}'` });
    ctx.checkMappings(c.file, `${c.path}.`, ck.mappings);
    if (isArgCheck(ck)) checkArgCheck({ ...c, value: ck }, ctx, errors);
    else checkGraphCheck({ ...c, value: ck }, ctx.graphEvaluators, errors);
  }
  checkEvaluatorsRegistered(checks, ctx.graphEvaluators, errors);
  return index;
}

/** The parts of a Resource Graph check that only it has: per-subject mappings, typed resources, aggregates. */
function checkArgCheck(c: Located<ArgCheck>, ctx: { serviceModels: Map<string, ServiceModel>; checkMappings: MappingChecker }, errors: Errors): void {
  const ck = c.value;
  for (const [value, m] of Object.entries(ck.subjectMappings?.values ?? {})) ctx.checkMappings(c.file, `${c.path}.subjectMappings.values.${value}.`, m);
  if (!ck.serviceModel) {
    ck.resourceTypes.forEach((t, i) => {
      if (!ctx.serviceModels.has(t)) errors.push({ file: c.file, path: `${c.path}.resourceTypes[${i}]`, message: `type '${t}' has no service model in service-models.yaml` });
    });
  }
  checkAggregate(c, errors);
}

/** What the pack must agree on with a Graph check's evaluator (core/graph/checks/catalogue.ts). */
export interface GraphEvaluatorInfo {
  title: string;
  severity: Severity;
  area: Area;
}

/** A Graph check names an evaluator, and says what the evaluator's findings say (title, severity, area). */
function checkGraphCheck(c: Located<GraphCheckEntry>, evaluators: ReadonlyMap<string, GraphEvaluatorInfo>, errors: Errors): void {
  const evaluator = evaluators.get(c.value.id);
  if (!evaluator) {
    errors.push({ file: c.file, path: `${c.path}.id`, message: `graph check '${c.value.id}' has no evaluator in core/graph/checks/ (known: ${[...evaluators.keys()].join(', ')})` });
    return;
  }
  for (const key of ['title', 'severity', 'area'] as const)
    if (c.value[key] !== evaluator[key])
      errors.push({ file: c.file, path: `${c.path}.${key}`, message: `'${c.value[key]}' differs from the evaluator's '${evaluator[key]}' (its findings carry the evaluator's)` });
}

/**
 * A pack that registers Graph checks registers every evaluator Demarc has: an evaluator the
 * pack leaves out would produce findings no risk template receives. A pack with no Graph
 * checks at all (one that does not read Microsoft Graph) is left alone.
 */
function checkEvaluatorsRegistered(checks: Located<Check>[], evaluators: ReadonlyMap<string, GraphEvaluatorInfo>, errors: Errors): void {
  const graph = checks.filter((c) => isGraphCheck(c.value));
  if (graph.length === 0) return;
  const registered = new Set(graph.map((c) => c.value.id));
  for (const id of evaluators.keys())
    if (!registered.has(id)) errors.push({ file: graph[0]!.file, path: 'checks', message: `the Graph evaluator '${id}' has no check in the pack (add an entry with evidenceSource: graph)` });
}

/** A `visibleWhen` may only look at earlier questions and at choices they have. */
function checkVisibleWhen(interview: InterviewIndex, at: { file: string; path: string }, vw: VisibleWhen | undefined, before: number, errors: Errors): void {
  if (!vw) return;
  const walk = (c: VisibleWhen, p: string): void => {
    if ('all' in c) return c.all.forEach((x, i) => walk(x, `${p}.all[${i}]`));
    if ('any' in c) return c.any.forEach((x, i) => walk(x, `${p}.any[${i}]`));
    const target = interview.questions.get(c.question);
    const pos = interview.questionPos.get(c.question);
    if (!target || !pos) {
      errors.push({ file: at.file, path: `${p}.question`, message: `unknown question '${c.question}'` });
      return;
    }
    if (pos.index >= before) errors.push({ file: at.file, path: `${p}.question`, message: `question '${c.question}' must come earlier in the interview` });
    const ids = new Set(target.choices.map((ch) => ch.id));
    c.anyOf.forEach((choice, i) => {
      if (!ids.has(choice)) errors.push({ file: at.file, path: `${p}.anyOf[${i}]`, message: `question '${c.question}' has no choice '${choice}'` });
    });
  };
  walk(vw, at.path);
}

/** Scope questions carry no score; scored questions carry an area, results, scores and (when they can fail) a risk. */
function checkQuestionScoring(q: Question, pos: QuestionPos, errors: Errors): void {
  const base = `${pos.path}.`;
  if (q.kind === 'scope') {
    q.choices.forEach((ch, i) => {
      if (ch.score !== undefined || ch.result !== undefined) errors.push({ file: pos.file, path: `${base}choices[${i}]`, message: 'scope questions carry no score and no result' });
    });
    return;
  }
  if (!q.area) errors.push({ file: pos.file, path: `${base}area`, message: 'a scored question needs an area' });
  q.choices.forEach((ch, i) => {
    if (ch.result === undefined) errors.push({ file: pos.file, path: `${base}choices[${i}].result`, message: 'a scored question needs a result on every choice' });
    if (ch.score === undefined && ch.result !== 'not-applicable')
      errors.push({ file: pos.file, path: `${base}choices[${i}].score`, message: 'a scored question needs a score on every choice' });
  });
  const needsRisk = q.choices.some((ch) => ch.result === 'partial' || ch.result === 'non-compliant');
  if (needsRisk && !q.risk) errors.push({ file: pos.file, path: `${base}risk`, message: 'a question with partial or non-compliant choices must name a risk template' });
}

export function checkQuestions(
  interview: InterviewIndex,
  ctx: { riskTemplates: Map<string, RiskTemplate>; checkMap: Map<string, Check>; checkMappings: MappingChecker },
  errors: Errors,
): void {
  for (const [id, q] of interview.questions) {
    const pos = interview.questionPos.get(id)!;
    const base = `${pos.path}.`;
    checkQuestionScoring(q, pos, errors);
    if (q.risk && !ctx.riskTemplates.has(q.risk)) errors.push({ file: pos.file, path: `${base}risk`, message: `missing risk template '${q.risk}'` });
    q.claims?.forEach((cid, i) => {
      if (!ctx.checkMap.has(cid)) errors.push({ file: pos.file, path: `${base}claims[${i}]`, message: `unknown check '${cid}'` });
    });
    const choiceIds = new Set<string>();
    q.choices.forEach((ch, i) => {
      if (choiceIds.has(ch.id)) errors.push({ file: pos.file, path: `${base}choices[${i}].id`, message: `duplicate choice id '${ch.id}'` });
      choiceIds.add(ch.id);
    });
    checkVisibleWhen(interview, { file: pos.file, path: `${base}visibleWhen` }, q.visibleWhen, pos.index, errors);
    ctx.checkMappings(pos.file, base, q.mappings);
  }
  for (const d of interview.domains) {
    const first = d.questions[0] ? (interview.questionPos.get(d.questions[0].id)?.index ?? 0) : 0;
    checkVisibleWhen(interview, { file: d.file, path: 'domain.visibleWhen' }, d.visibleWhen, first, errors);
  }
}

type SelectClause = Playbook['selectWhen'] extends { any: (infer C)[] } | { all: (infer C)[] } ? C : never;

function checkSelectClause(
  p: Located<Playbook>,
  c: SelectClause,
  at: string,
  ctx: { riskTemplates: Map<string, RiskTemplate>; checkMap: Map<string, Check>; questions: Map<string, Question> },
  errors: Errors,
): void {
  if ('checkFailed' in c)
    c.checkFailed.forEach((id, j) => {
      if (!ctx.checkMap.has(id)) errors.push({ file: p.file, path: `${at}.checkFailed[${j}]`, message: `unknown check '${id}'` });
    });
  if ('riskTemplate' in c)
    c.riskTemplate.forEach((id, j) => {
      if (!ctx.riskTemplates.has(id)) errors.push({ file: p.file, path: `${at}.riskTemplate[${j}]`, message: `unknown risk template '${id}'` });
    });
  if ('answer' in c) {
    const q = ctx.questions.get(c.answer.question);
    if (!q) errors.push({ file: p.file, path: `${at}.answer.question`, message: `unknown question '${c.answer.question}'` });
    else
      c.answer.anyOf.forEach((ch, j) => {
        if (!q.choices.some((x) => x.id === ch)) errors.push({ file: p.file, path: `${at}.answer.anyOf[${j}]`, message: `question '${q.id}' has no choice '${ch}'` });
      });
  }
}

/** Returns the playbook ids (-> file) for the templates' `irPlaybooks` to resolve against. */
export function checkPlaybooks(
  playbooks: Located<Playbook>[],
  ctx: { riskTemplates: Map<string, RiskTemplate>; checkMap: Map<string, Check>; questions: Map<string, Question>; checkMappings: MappingChecker },
  errors: Errors,
): Map<string, string> {
  const playbookIds = new Map<string, string>();
  for (const p of playbooks) {
    if (playbookIds.has(p.value.id)) errors.push({ file: p.file, path: 'id', message: `duplicate playbook id '${p.value.id}'` });
    playbookIds.set(p.value.id, p.file);
    const key = 'any' in p.value.selectWhen ? 'any' : 'all';
    const clauses: SelectClause[] = 'any' in p.value.selectWhen ? p.value.selectWhen.any : p.value.selectWhen.all;
    clauses.forEach((c, i) => checkSelectClause(p, c, `selectWhen.${key}[${i}]`, ctx, errors));
    ctx.checkMappings(p.file, '', p.value.mappings);
  }
  return playbookIds;
}

export function checkTemplateLinks(templates: Located<RiskTemplate>[], playbookIds: Map<string, string>, checkMappings: MappingChecker, errors: Errors): void {
  for (const t of templates) {
    checkMappings(t.file, `${t.path}.`, t.value.mappings);
    t.value.irPlaybooks?.forEach((id, i) => {
      if (!playbookIds.has(id)) errors.push({ file: t.file, path: `${t.path}.irPlaybooks[${i}]`, message: `unknown playbook '${id}'` });
    });
  }
}

export function indexFixtures(fixtureFiles: FixtureFile[], checkMap: Map<string, Check>, errors: Errors): Map<string, CheckFixtures> {
  const fixtures = new Map<string, CheckFixtures>();
  for (const f of fixtureFiles) {
    if (!checkMap.has(f.checkId)) {
      errors.push({ file: f.file, path: '', message: `fixture for unknown check '${f.checkId}'` });
      continue;
    }
    const entry = fixtures.get(f.checkId) ?? {};
    entry[f.which] = f.rows;
    fixtures.set(f.checkId, entry);
  }
  for (const [id] of checkMap) {
    const fx = fixtures.get(id);
    if (!fx?.pass) errors.push({ file: `checks/fixtures/${id}.pass.json`, path: '', message: `check '${id}' has no passing fixture` });
    if (!fx?.fail) errors.push({ file: `checks/fixtures/${id}.fail.json`, path: '', message: `check '${id}' has no failing fixture` });
  }
  return fixtures;
}
