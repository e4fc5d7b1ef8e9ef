import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  ChecksFileSchema,
  FixtureSchema,
  FrameworkSchema,
  InterviewFileSchema,
  MatrixSchema,
  PackHeaderSchema,
  PlaybookSchema,
  RiskMatrixSchema,
  RiskTemplatesFileSchema,
  ServiceModelsFileSchema,
  type Check,
  type Framework,
  type Matrix,
  type PackHeader,
  type Playbook,
  type Question,
  type RiskMatrix,
  type RiskTemplate,
  type VisibleWhen,
} from './schemas';
import { RatingFactorsSchema, ratingFactorsErrors, type RatingFactors } from './rating-factors';
import type { CheckFixtures, ContentError, ContentPack, Domain, PackFile } from './types';
import { areas, type FrameworkKey, type Mappings, type ServiceModel } from './vocabulary';

type Kind =
  | 'pack'
  | 'risk-matrix'
  | 'rating-factors'
  | 'service-models'
  | 'matrix'
  | 'framework'
  | 'interview'
  | 'risk-templates'
  | 'checks'
  | 'fixture'
  | 'playbook'
  | 'ignored';

function classify(path: string): Kind | undefined {
  if (/\.(md|txt)$/i.test(path) || /(^|\/)\./.test(path)) return 'ignored';
  if (path === 'pack.yaml') return 'pack';
  if (path === 'risk-matrix.yaml') return 'risk-matrix';
  if (path === 'rating-factors.yaml') return 'rating-factors';
  if (path === 'service-models.yaml') return 'service-models';
  if (/^matrices\/[^/]+\.yaml$/.test(path)) return 'matrix';
  if (/^frameworks\/[^/]+\.yaml$/.test(path)) return 'framework';
  if (/^interview\/[^/]+\.yaml$/.test(path)) return 'interview';
  if (/^risk-templates\/[^/]+\.yaml$/.test(path)) return 'risk-templates';
  if (/^checks\/[^/]+\.yaml$/.test(path)) return 'checks';
  if (/^checks\/fixtures\/[^/]+\.json$/.test(path)) return 'fixture';
  if (/^playbooks\/[^/]+\.yaml$/.test(path)) return 'playbook';
  return undefined;
}

/** Formats a path like `checks[2].failWhen.field`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

interface ParsedYaml {
  data: unknown;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

function parseYaml(file: PackFile, errors: ContentError[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      errors.push({
        file: file.path,
        path: pos ? `line ${pos.line}, column ${pos.col}` : '',
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { data: doc.toJS({ maxAliasCount: 100 }), lineOf };
}

function zodErrors(file: string, issues: z.core.$ZodIssue[], lineOf: ParsedYaml['lineOf'] | undefined, errors: ContentError[]): void {
  for (const issue of flattenIssues(issues)) {
    const line = lineOf?.(issue.path);
    errors.push({ file, path: formatPath(issue.path), message: line ? `${issue.message} (line ${line})` : issue.message });
  }
}

/** Unions report "invalid input" with nested branch errors; surface the most useful branch. */
function flattenIssues(issues: z.core.$ZodIssue[]): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length > 0) {
      // pick the branch that got furthest (the deepest path), the likely intended shape
      let best: z.core.$ZodIssue[] = issue.errors[0] ?? [];
      let bestDepth = -1;
      for (const branch of issue.errors as z.core.$ZodIssue[][]) {
        const depth = Math.max(...branch.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0 : 0.5)));
        if (depth > bestDepth) {
          best = branch;
          bestDepth = depth;
        }
      }
      for (const inner of flattenIssues(best)) out.push({ path: [...issue.path, ...inner.path], message: inner.message });
      continue;
    }
    out.push({ path: [...issue.path], message: issue.message });
  }
  return out;
}

function validate<T>(file: PackFile, schema: z.ZodType<T>, errors: ContentError[], parsed?: ParsedYaml): T | undefined {
  const p = parsed ?? parseYaml(file, errors);
  if (!p) return undefined;
  const result = schema.safeParse(p.data);
  if (!result.success) {
    zodErrors(file.path, result.error.issues, p.lineOf, errors);
    return undefined;
  }
  return result.data;
}

interface Located<T> {
  file: string;
  path: string;
  value: T;
}

/**
 * Loads and validates a content pack from in-memory files. Never throws on bad content:
 * every problem is returned in `errors` with its file and path, and `pack` holds whatever
 * was valid (use it only when `errors` is empty).
 */
export function loadPack(files: readonly PackFile[]): { pack: ContentPack; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  let header: PackHeader | undefined;
  let riskMatrix: RiskMatrix | undefined;
  let ratingFactors: RatingFactors | undefined;
  const matrices: Located<Matrix>[] = [];
  const frameworks: Located<Framework>[] = [];
  const serviceModelEntries: Located<{ type: string; model: ServiceModel }>[] = [];
  const interviewFiles: { file: string; value: z.infer<typeof InterviewFileSchema> }[] = [];
  const templates: Located<RiskTemplate>[] = [];
  const checks: Located<Check>[] = [];
  const fixtureFiles: { file: string; checkId: string; which: 'pass' | 'fail'; rows: Record<string, unknown>[] }[] = [];
  const playbooks: Located<Playbook>[] = [];
  let sawServiceModels = false;

  for (const file of sorted) {
    const kind = classify(file.path);
    if (kind === undefined) {
      errors.push({ file: file.path, path: '', message: 'file is not part of the pack format (see assessments/FORMAT.md)' });
      continue;
    }
    switch (kind) {
      case 'ignored':
        break;
      case 'pack':
        header = validate(file, PackHeaderSchema, errors);
        break;
      case 'risk-matrix':
        riskMatrix = validate(file, RiskMatrixSchema, errors);
        break;
      case 'rating-factors':
        ratingFactors = validate(file, RatingFactorsSchema, errors);
        break;
      case 'service-models': {
        sawServiceModels = true;
        const v = validate(file, ServiceModelsFileSchema, errors);
        v?.types.forEach((t, i) => serviceModelEntries.push({ file: file.path, path: `types[${i}]`, value: t }));
        break;
      }
      case 'matrix': {
        const v = validate(file, MatrixSchema, errors);
        if (v) matrices.push({ file: file.path, path: '', value: v });
        break;
      }
      case 'framework': {
        const v = validate(file, FrameworkSchema, errors);
        if (v) frameworks.push({ file: file.path, path: '', value: v });
        break;
      }
      case 'interview': {
        const v = validate(file, InterviewFileSchema, errors);
        if (v) interviewFiles.push({ file: file.path, value: v });
        break;
      }
      case 'risk-templates': {
        const v = validate(file, RiskTemplatesFileSchema, errors);
        v?.templates.forEach((t, i) => templates.push({ file: file.path, path: `templates[${i}]`, value: t }));
        break;
      }
      case 'checks': {
        const v = validate(file, ChecksFileSchema, errors);
        v?.checks.forEach((c, i) => checks.push({ file: file.path, path: `checks[${i}]`, value: c }));
        break;
      }
      case 'fixture': {
        const m = /^checks\/fixtures\/([A-Z]{2}-\d{2})\.(pass|fail)\.json$/.exec(file.path);
        if (!m) {
          errors.push({ file: file.path, path: '', message: 'fixture files are named <CHECK-ID>.pass.json or <CHECK-ID>.fail.json' });
          break;
        }
        let data: unknown;
        try {
          data = JSON.parse(file.text);
        } catch (e) {
          errors.push({ file: file.path, path: '', message: `invalid JSON: ${(e as Error).message}` });
          break;
        }
        const r = FixtureSchema.safeParse(data);
        if (!r.success) {
          zodErrors(file.path, r.error.issues, undefined, errors);
          break;
        }
        fixtureFiles.push({ file: file.path, checkId: m[1]!, which: m[2] as 'pass' | 'fail', rows: r.data });
        break;
      }
      case 'playbook': {
        const v = validate(file, PlaybookSchema, errors);
        if (v) {
          const expected = file.path.slice('playbooks/'.length, -'.yaml'.length);
          if (v.id !== expected) errors.push({ file: file.path, path: 'id', message: `playbook id '${v.id}' must match its file name '${expected}'` });
          playbooks.push({ file: file.path, path: '', value: v });
        }
        break;
      }
    }
  }

  // ---------- required singletons
  if (!sorted.some((f) => f.path === 'pack.yaml')) errors.push({ file: 'pack.yaml', path: '', message: 'missing pack header file' });
  if (!sorted.some((f) => f.path === 'risk-matrix.yaml')) errors.push({ file: 'risk-matrix.yaml', path: '', message: 'missing risk matrix file' });
  if (!sawServiceModels) errors.push({ file: 'service-models.yaml', path: '', message: 'missing service models file' });

  // ---------- matrices
  const matrixMap = new Map<string, Matrix>();
  for (const m of matrices) {
    if (matrixMap.has(m.value.id)) errors.push({ file: m.file, path: 'id', message: `duplicate matrix id '${m.value.id}'` });
    matrixMap.set(m.value.id, m.value);
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
  if (header && !matrixMap.has(header.defaultMatrix))
    errors.push({ file: 'pack.yaml', path: 'defaultMatrix', message: `unknown matrix '${header.defaultMatrix}' (known: ${[...matrixMap.keys()].join(', ') || 'none'})` });

  // ---------- risk matrix
  if (riskMatrix) {
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

  // ---------- service models
  const serviceModels = new Map<string, ServiceModel>();
  for (const e of serviceModelEntries) {
    if (serviceModels.has(e.value.type)) errors.push({ file: e.file, path: `${e.path}.type`, message: `duplicate type '${e.value.type}'` });
    serviceModels.set(e.value.type, e.value.model);
  }

  // ---------- frameworks
  const frameworkMap: Partial<Record<FrameworkKey, Framework>> = {};
  const controlIds: Record<FrameworkKey, Set<string>> = { mcsb: new Set(), cis: new Set(), nistCsf: new Set() };
  for (const f of frameworks) {
    const key = f.value.framework;
    if (frameworkMap[key]) errors.push({ file: f.file, path: 'framework', message: `a second control list for '${key}'` });
    frameworkMap[key] = f.value;
    const groups = new Set((f.value.groups ?? []).map((g) => g.id));
    f.value.controls.forEach((c, i) => {
      if (controlIds[key].has(c.id)) errors.push({ file: f.file, path: `controls[${i}].id`, message: `duplicate control id '${c.id}'` });
      controlIds[key].add(c.id);
      if (c.group && !groups.has(c.group)) errors.push({ file: f.file, path: `controls[${i}].group`, message: `unknown group '${c.group}'` });
    });
    f.value.controls.forEach((c, i) => {
      if (c.parent && !controlIds[key].has(c.parent)) errors.push({ file: f.file, path: `controls[${i}].parent`, message: `unknown parent '${c.parent}'` });
    });
  }
  for (const key of ['mcsb', 'cis', 'nistCsf'] as const) {
    if (!frameworkMap[key]) errors.push({ file: 'frameworks/', path: '', message: `no control list for '${key}'` });
  }
  const checkMappings = (file: string, path: string, mappings: Mappings | undefined): void => {
    if (!mappings) return;
    for (const key of ['mcsb', 'cis', 'nistCsf'] as const) {
      mappings[key]?.forEach((id, i) => {
        if (!controlIds[key].has(id))
          errors.push({ file, path: `${path}mappings.${key}[${i}]`, message: `unknown ${key} id '${id}'` });
      });
    }
  };

  // ---------- interview
  const domainsRaw = [...interviewFiles].sort((a, b) => a.value.domain.order - b.value.domain.order || (a.file < b.file ? -1 : 1));
  const domains: Domain[] = [];
  const questions = new Map<string, Question>();
  const questionDomain = new Map<string, string>();
  const questionPos = new Map<string, { file: string; path: string; index: number }>();
  const domainIds = new Map<string, string>();
  let position = 0;
  for (const f of domainsRaw) {
    const d = f.value.domain;
    if (domainIds.has(d.id)) errors.push({ file: f.file, path: 'domain.id', message: `duplicate domain id '${d.id}' (also in ${domainIds.get(d.id)})` });
    domainIds.set(d.id, f.file);
    const domain: Domain = { id: d.id, title: d.title, order: d.order, file: f.file, questions: [] };
    if (d.description !== undefined) domain.description = d.description;
    if (d.visibleWhen !== undefined) domain.visibleWhen = d.visibleWhen;
    domains.push(domain);
    f.value.questions.forEach((q, i) => {
      const prev = questionPos.get(q.id);
      if (prev) errors.push({ file: f.file, path: `questions[${i}].id`, message: `duplicate question id '${q.id}' (also in ${prev.file} at ${prev.path})` });
      else {
        questions.set(q.id, q);
        questionDomain.set(q.id, d.id);
        questionPos.set(q.id, { file: f.file, path: `questions[${i}]`, index: position++ });
      }
      domain.questions.push(q);
    });
  }
  // per-question semantic checks (after all questions are known)
  const checkVisibleWhen = (file: string, path: string, vw: VisibleWhen | undefined, before: number): void => {
    if (!vw) return;
    const walk = (c: VisibleWhen, p: string): void => {
      if ('question' in c) {
        const target = questions.get(c.question);
        const pos = questionPos.get(c.question);
        if (!target || !pos) {
          errors.push({ file, path: `${p}.question`, message: `unknown question '${c.question}'` });
          return;
        }
        if (pos.index >= before) errors.push({ file, path: `${p}.question`, message: `question '${c.question}' must come earlier in the interview` });
        const ids = new Set(target.choices.map((ch) => ch.id));
        c.anyOf.forEach((choice, i) => {
          if (!ids.has(choice)) errors.push({ file, path: `${p}.anyOf[${i}]`, message: `question '${c.question}' has no choice '${choice}'` });
        });
      } else if ('all' in c) c.all.forEach((x, i) => walk(x, `${p}.all[${i}]`));
      else c.any.forEach((x, i) => walk(x, `${p}.any[${i}]`));
    };
    walk(vw, path);
  };

  // ---------- risk templates (needed by questions and checks)
  const riskTemplates = new Map<string, RiskTemplate>();
  const templateFile = new Map<string, string>();
  for (const t of templates) {
    if (riskTemplates.has(t.value.id))
      errors.push({ file: t.file, path: `${t.path}.id`, message: `duplicate risk template id '${t.value.id}' (also in ${templateFile.get(t.value.id)})` });
    riskTemplates.set(t.value.id, t.value);
    templateFile.set(t.value.id, t.file);
  }

  // ---------- checks
  const checkMap = new Map<string, Check>();
  const checkFile = new Map<string, string>();
  for (const c of checks) {
    const ck = c.value;
    if (checkMap.has(ck.id)) errors.push({ file: c.file, path: `${c.path}.id`, message: `duplicate check id '${ck.id}' (also in ${checkFile.get(ck.id)})` });
    checkMap.set(ck.id, ck);
    checkFile.set(ck.id, c.file);
    if (!riskTemplates.has(ck.risk)) errors.push({ file: c.file, path: `${c.path}.risk`, message: `missing risk template '${ck.risk}'` });
    checkMappings(c.file, `${c.path}.`, ck.mappings);
    if (!ck.serviceModel) {
      ck.resourceTypes.forEach((t, i) => {
        if (!serviceModels.has(t))
          errors.push({ file: c.file, path: `${c.path}.resourceTypes[${i}]`, message: `type '${t}' has no service model in service-models.yaml` });
      });
    }
    if (ck.aggregate) {
      const names = new Set(Object.keys(ck.aggregate.sets));
      for (const [name, d] of Object.entries(ck.aggregate.derive ?? {})) {
        if ('collect' in d && !names.has(d.collect.set))
          errors.push({ file: c.file, path: `${c.path}.aggregate.derive.${name}.collect.set`, message: `unknown set '${d.collect.set}'` });
        if ('distinct' in d && !names.has(d.distinct.set))
          errors.push({ file: c.file, path: `${c.path}.aggregate.derive.${name}.distinct.set`, message: `unknown set '${d.distinct.set}'` });
        if ('difference' in d)
          d.difference.forEach((n, i) => {
            if (!names.has(n)) errors.push({ file: c.file, path: `${c.path}.aggregate.derive.${name}.difference[${i}]`, message: `unknown set or derived value '${n}'` });
          });
        names.add(name);
      }
    }
  }

  // ---------- questions: risks, claims, visibleWhen, mappings
  for (const [id, q] of questions) {
    const pos = questionPos.get(id)!;
    const base = `${pos.path}.`;
    if (q.kind === 'scope') {
      q.choices.forEach((ch, i) => {
        if (ch.score !== undefined || ch.result !== undefined)
          errors.push({ file: pos.file, path: `${base}choices[${i}]`, message: 'scope questions carry no score and no result' });
      });
    } else {
      if (!q.area) errors.push({ file: pos.file, path: `${base}area`, message: 'a scored question needs an area' });
      q.choices.forEach((ch, i) => {
        if (ch.result === undefined) errors.push({ file: pos.file, path: `${base}choices[${i}].result`, message: 'a scored question needs a result on every choice' });
        if (ch.score === undefined && ch.result !== 'not-applicable')
          errors.push({ file: pos.file, path: `${base}choices[${i}].score`, message: 'a scored question needs a score on every choice' });
      });
      const needsRisk = q.choices.some((ch) => ch.result === 'partial' || ch.result === 'non-compliant');
      if (needsRisk && !q.risk) errors.push({ file: pos.file, path: `${base}risk`, message: 'a question with partial or non-compliant choices must name a risk template' });
    }
    if (q.risk && !riskTemplates.has(q.risk)) errors.push({ file: pos.file, path: `${base}risk`, message: `missing risk template '${q.risk}'` });
    q.claims?.forEach((cid, i) => {
      if (!checkMap.has(cid)) errors.push({ file: pos.file, path: `${base}claims[${i}]`, message: `unknown check '${cid}'` });
    });
    const choiceIds = new Set<string>();
    q.choices.forEach((ch, i) => {
      if (choiceIds.has(ch.id)) errors.push({ file: pos.file, path: `${base}choices[${i}].id`, message: `duplicate choice id '${ch.id}'` });
      choiceIds.add(ch.id);
    });
    checkVisibleWhen(pos.file, `${base}visibleWhen`, q.visibleWhen, pos.index);
    checkMappings(pos.file, base, q.mappings);
  }
  for (const d of domains) {
    const first = d.questions[0] ? questionPos.get(d.questions[0].id)?.index ?? 0 : 0;
    checkVisibleWhen(d.file, 'domain.visibleWhen', d.visibleWhen, first);
  }

  // ---------- playbooks
  const playbookIds = new Map<string, string>();
  for (const p of playbooks) {
    if (playbookIds.has(p.value.id)) errors.push({ file: p.file, path: 'id', message: `duplicate playbook id '${p.value.id}'` });
    playbookIds.set(p.value.id, p.file);
    const clauses = 'any' in p.value.selectWhen ? p.value.selectWhen.any : p.value.selectWhen.all;
    const key = 'any' in p.value.selectWhen ? 'any' : 'all';
    clauses.forEach((c, i) => {
      const at = `selectWhen.${key}[${i}]`;
      if ('checkFailed' in c)
        c.checkFailed.forEach((id, j) => {
          if (!checkMap.has(id)) errors.push({ file: p.file, path: `${at}.checkFailed[${j}]`, message: `unknown check '${id}'` });
        });
      if ('riskTemplate' in c)
        c.riskTemplate.forEach((id, j) => {
          if (!riskTemplates.has(id)) errors.push({ file: p.file, path: `${at}.riskTemplate[${j}]`, message: `unknown risk template '${id}'` });
        });
      if ('answer' in c) {
        const q = questions.get(c.answer.question);
        if (!q) errors.push({ file: p.file, path: `${at}.answer.question`, message: `unknown question '${c.answer.question}'` });
        else
          c.answer.anyOf.forEach((ch, j) => {
            if (!q.choices.some((x) => x.id === ch)) errors.push({ file: p.file, path: `${at}.answer.anyOf[${j}]`, message: `question '${q.id}' has no choice '${ch}'` });
          });
      }
    });
    checkMappings(p.file, '', p.value.mappings);
  }

  // ---------- risk templates: mappings and playbooks
  for (const t of templates) {
    checkMappings(t.file, `${t.path}.`, t.value.mappings);
    t.value.irPlaybooks?.forEach((id, i) => {
      if (!playbookIds.has(id)) errors.push({ file: t.file, path: `${t.path}.irPlaybooks[${i}]`, message: `unknown playbook '${id}'` });
    });
  }

  // ---------- fixtures
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

  if (ratingFactors) errors.push(...ratingFactorsErrors(ratingFactors, questions, checkMap));

  const pack: ContentPack = {
    header: header ?? { id: 'invalid', version: '0.0.0', publicationDate: '1970-01-01', title: '', locale: 'en', schemaVersion: 1, defaultMatrix: '' },
    matrices: matrixMap,
    riskMatrix: riskMatrix ?? {
      id: 'invalid',
      version: '0',
      title: '',
      source: '',
      likelihood: [],
      impact: [],
      levels: [],
      grid: [],
    },
    serviceModels,
    frameworks: frameworkMap,
    domains,
    questions,
    questionDomain,
    riskTemplates,
    checks: [...checkMap.values()],
    fixtures,
    playbooks: playbooks.map((p) => p.value),
  };
  if (ratingFactors) pack.ratingFactors = ratingFactors;
  return { pack, errors };
}

/** Loads a pack and throws one error listing every problem; for hosts that need a valid pack. */
export function loadPackOrThrow(files: readonly PackFile[]): ContentPack {
  const { pack, errors } = loadPack(files);
  if (errors.length > 0) {
    const lines = errors.slice(0, 50).map((e) => `${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`);
    throw new Error(`content pack has ${errors.length} error(s):\n${lines.join('\n')}${errors.length > 50 ? '\n…' : ''}`);
  }
  return pack;
}
