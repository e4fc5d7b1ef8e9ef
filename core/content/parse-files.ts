import { isCommitmentFile } from '../commitments/load';
import { NOTIFICATION_CLOCKS_FILE } from './notification-clocks-schema';
import { RatingFactorsSchema, type RatingFactors } from './rating-factors';
import { ThemesFileSchema, type ThemesFile } from './themes';
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
  TemplateMigrationsFileSchema,
  type Check,
  type Framework,
  type Matrix,
  type PackHeader,
  type Playbook,
  type RiskMatrix,
  type RiskTemplate,
  type TemplateMigration,
} from './schemas';
import type { ContentError, PackFile } from './types';
import type { ServiceModel } from './vocabulary';

/** Step 1 of loading a pack: every file parsed and validated against the schema of its kind. */

type Kind =
  | 'pack'
  | 'risk-matrix'
  | 'rating-factors'
  | 'themes'
  | 'service-models'
  | 'template-migrations'
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
  if (isCommitmentFile(path)) return 'ignored'; // validated by loadCommitments (core/commitments)
  if (path === NOTIFICATION_CLOCKS_FILE) return 'ignored'; // validated by loadNotificationClocks
  if (path === 'pack.yaml') return 'pack';
  if (path === 'risk-matrix.yaml') return 'risk-matrix';
  if (path === 'service-models.yaml') return 'service-models';
  if (path === 'template-migrations.yaml') return 'template-migrations';
  if (path === 'rating-factors.yaml') return 'rating-factors';
  if (path === 'themes.yaml') return 'themes';
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

/** The branch of a union that got furthest (the deepest path) is the likely intended shape. */
function deepestBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] {
  let best: z.core.$ZodIssue[] = branches[0] ?? [];
  let bestDepth = -1;
  for (const branch of branches) {
    const depth = Math.max(...branch.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0 : 0.5)));
    if (depth > bestDepth) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

/** Unions report "invalid input" with nested branch errors; surface the most useful branch. */
function flattenIssues(issues: z.core.$ZodIssue[]): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length > 0) {
      for (const inner of flattenIssues(deepestBranch(issue.errors as z.core.$ZodIssue[][]))) out.push({ path: [...issue.path, ...inner.path], message: inner.message });
      continue;
    }
    out.push({ path: [...issue.path], message: issue.message });
  }
  return out;
}

function validate<T>(file: PackFile, schema: z.ZodType<T>, errors: ContentError[]): T | undefined {
  const p = parseYaml(file, errors);
  if (!p) return undefined;
  const result = schema.safeParse(p.data);
  if (!result.success) {
    zodErrors(file.path, result.error.issues, p.lineOf, errors);
    return undefined;
  }
  return result.data;
}

/** A value with the file and YAML path it came from, so later steps can point at it. */
export interface Located<T> {
  file: string;
  path: string;
  value: T;
}

export interface FixtureFile {
  file: string;
  checkId: string;
  which: 'pass' | 'fail';
  rows: Record<string, unknown>[];
}

/** Every file of a pack, parsed and schema-valid, grouped by kind; nothing cross-referenced yet. */
export interface ParsedPack {
  paths: Set<string>;
  header?: PackHeader;
  riskMatrix?: RiskMatrix;
  ratingFactors?: RatingFactors;
  themes?: ThemesFile;
  sawServiceModels: boolean;
  serviceModelEntries: Located<{ type: string; model: ServiceModel }>[];
  migrations: Located<TemplateMigration>[];
  matrices: Located<Matrix>[];
  frameworks: Located<Framework>[];
  interviewFiles: Located<z.infer<typeof InterviewFileSchema>>[];
  templates: Located<RiskTemplate>[];
  checks: Located<Check>[];
  fixtureFiles: FixtureFile[];
  playbooks: Located<Playbook>[];
}

function parseFixture(file: PackFile, errors: ContentError[]): FixtureFile | undefined {
  const m = /^checks\/fixtures\/([A-Z]{2}-\d{2})\.(pass|fail)\.json$/.exec(file.path);
  if (!m) {
    errors.push({ file: file.path, path: '', message: 'fixture files are named <CHECK-ID>.pass.json or <CHECK-ID>.fail.json' });
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (e) {
    errors.push({ file: file.path, path: '', message: `invalid JSON: ${(e as Error).message}` });
    return undefined;
  }
  const r = FixtureSchema.safeParse(data);
  if (!r.success) {
    zodErrors(file.path, r.error.issues, undefined, errors);
    return undefined;
  }
  return { file: file.path, checkId: m[1]!, which: m[2] as 'pass' | 'fail', rows: r.data };
}

function parsePlaybook(file: PackFile, errors: ContentError[]): Playbook | undefined {
  const v = validate(file, PlaybookSchema, errors);
  if (!v) return undefined;
  const expected = file.path.slice('playbooks/'.length, -'.yaml'.length);
  if (v.id !== expected) errors.push({ file: file.path, path: 'id', message: `playbook id '${v.id}' must match its file name '${expected}'` });
  return v;
}

const whole = <T>(file: PackFile, value: T | undefined): Located<T>[] => (value ? [{ file: file.path, path: '', value }] : []);
const each = <T>(file: PackFile, key: string, values: readonly T[] | undefined): Located<T>[] =>
  (values ?? []).map((value, i) => ({ file: file.path, path: `${key}[${i}]`, value }));

/** What each kind of file adds to the parsed pack. */
const parsers: Record<Exclude<Kind, 'ignored'>, (file: PackFile, out: ParsedPack, errors: ContentError[]) => void> = {
  pack: (f, out, e) => void (out.header = validate(f, PackHeaderSchema, e)),
  'risk-matrix': (f, out, e) => void (out.riskMatrix = validate(f, RiskMatrixSchema, e)),
  'rating-factors': (f, out, e) => void (out.ratingFactors = validate(f, RatingFactorsSchema, e)),
  themes: (f, out, e) => void (out.themes = validate(f, ThemesFileSchema, e)),
  'service-models': (f, out, e) => {
    out.sawServiceModels = true;
    out.serviceModelEntries.push(...each(f, 'types', validate(f, ServiceModelsFileSchema, e)?.types));
  },
  'template-migrations': (f, out, e) => out.migrations.push(...each(f, 'migrations', validate(f, TemplateMigrationsFileSchema, e)?.migrations)),
  matrix: (f, out, e) => out.matrices.push(...whole(f, validate(f, MatrixSchema, e))),
  framework: (f, out, e) => out.frameworks.push(...whole(f, validate(f, FrameworkSchema, e))),
  interview: (f, out, e) => out.interviewFiles.push(...whole(f, validate(f, InterviewFileSchema, e))),
  'risk-templates': (f, out, e) => out.templates.push(...each(f, 'templates', validate(f, RiskTemplatesFileSchema, e)?.templates)),
  checks: (f, out, e) => out.checks.push(...each(f, 'checks', validate(f, ChecksFileSchema, e)?.checks)),
  fixture: (f, out, e) => {
    const fx = parseFixture(f, e);
    if (fx) out.fixtureFiles.push(fx);
  },
  playbook: (f, out, e) => out.playbooks.push(...whole(f, parsePlaybook(f, e))),
};

/** Parses every file by its kind (files sorted by path, so errors come in a stable order). */
export function parsePackFiles(files: readonly PackFile[], errors: ContentError[]): ParsedPack {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out: ParsedPack = {
    paths: new Set(sorted.map((f) => f.path)),
    sawServiceModels: false,
    serviceModelEntries: [],
    migrations: [],
    matrices: [],
    frameworks: [],
    interviewFiles: [],
    templates: [],
    checks: [],
    fixtureFiles: [],
    playbooks: [],
  };
  for (const file of sorted) {
    const kind = classify(file.path);
    if (kind === undefined) errors.push({ file: file.path, path: '', message: 'file is not part of the pack format (see assessments/FORMAT.md)' });
    else if (kind !== 'ignored') parsers[kind](file, out, errors);
  }
  return out;
}
