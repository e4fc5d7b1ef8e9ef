/**
 * The repository must explain itself to someone who has only the repository: no file may
 * point at a path beside it, and every citation of the documentation ("docs/SECURITY.md
 * row 6", "docs/DOMAIN.md §1c", a Markdown link, a backticked repository path in a README)
 * must name something that exists here.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vite', 'out', 'dist', 'test-results', 'playwright-report', '.tmp']);
/** This file's own examples of bad references are deliberate. */
const SELF = path.relative(root, import.meta.filename).split(path.sep).join('/');
const SKIPPED_FILES = new Set(['package-lock.json']);
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|md|ya?ml|json|html|css)$/;
const TOP_FOLDERS = 'core|node|electron|renderer|cli|assessments|templates|test|bench|docs';

/** Built from parts so that this file does not match its own patterns. */
const SHARED = 'shared';
const OUTSIDE: { pattern: RegExp; message: string }[] = [
  { pattern: new RegExp(String.raw`(?:\.\./)+${SHARED}\b`, 'g'), message: 'a path beside the repository' },
  { pattern: new RegExp(String.raw`\b${SHARED}/(?:docs|fixtures)\b`, 'g'), message: 'a folder outside the repository' },
  { pattern: new RegExp(String.raw`\b(?:CHECKS|GRAPH|PROVIDER-COMMITMENTS)-REFERENCE\b|\bSTYLE\.md\b`, 'g'), message: 'a document that is not in the repository' },
];

interface TextFile {
  /** repository-relative, forward slashes */
  path: string;
  text: string;
}

/** What the checker needs to know about the repository (a fake in the checker's own tests). */
interface RepoFacts {
  exists: (repoPath: string) => boolean;
  securityRows: ReadonlySet<number>;
  domainSections: ReadonlySet<string>;
  /** GitHub-style anchors of a Markdown file's headings */
  anchors: (repoPath: string) => ReadonlySet<string>;
}

interface Problem {
  file: string;
  line: number;
  message: string;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `2-5, 17` → [2, 3, 4, 5, 17] */
function rowNumbers(list: string): number[] {
  return [...list.matchAll(/(\d+)(?:\s*[-–]\s*(\d+))?/g)].flatMap(([, from, to]) => {
    const a = Number(from);
    const b = to ? Number(to) : a;
    return Array.from({ length: Math.max(0, b - a) + 1 }, (_, i) => a + i);
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function outsidePaths(file: TextFile, report: (index: number, message: string) => void): void {
  for (const { pattern, message } of OUTSIDE) {
    for (const m of file.text.matchAll(pattern)) report(m.index, `"${m[0]}" names ${message}; put what is needed into the repository and cite that`);
  }
}

function docCitations(file: TextFile, facts: RepoFacts, report: (index: number, message: string) => void): void {
  const inDocs = file.path.startsWith('docs/');
  for (const m of file.text.matchAll(/(?<![\w/.-])((?:docs\/)?)([A-Z][A-Z-]*\.md)\b/g)) {
    const [, prefix, name] = m;
    const isDocsPage = /^(SECURITY|DOMAIN|ARCHITECTURE|CHECKS)\.md$/.test(name!);
    if (!prefix && !inDocs && isDocsPage) report(m.index, `cite ${name} as docs/${name}`);
    if ((prefix || (inDocs && isDocsPage)) && !facts.exists(`docs/${name}`)) report(m.index, `docs/${name} does not exist`);
  }
  for (const m of file.text.matchAll(/SECURITY\.md,? rows? (\d+(?:\s*(?:[-–,]|and)\s*\d+)*)/g)) {
    for (const row of rowNumbers(m[1]!)) if (!facts.securityRows.has(row)) report(m.index, `docs/SECURITY.md has no row ${row}`);
  }
  if (file.path === 'docs/SECURITY.md') {
    for (const m of file.text.matchAll(/\brows? (\d+(?:\s*[-–]\s*\d+)?)\b/g)) {
      for (const row of rowNumbers(m[1]!)) if (!facts.securityRows.has(row)) report(m.index, `no row ${row} in this table`);
    }
  }
  for (const m of file.text.matchAll(/DOMAIN\.md((?:\s*(?:,|and)?\s*(?:§|section )\d+[a-z]?)+)/g)) {
    for (const [section] of m[1]!.matchAll(/\d+[a-z]?/g)) if (!facts.domainSections.has(section)) report(m.index, `docs/DOMAIN.md has no section §${section}`);
  }
}

function markdownReferences(file: TextFile, facts: RepoFacts, report: (index: number, message: string) => void): void {
  const dir = path.posix.dirname(file.path);
  for (const m of file.text.matchAll(/\]\(([^)\s]*)\)/g)) {
    const [target = '', anchor] = m[1]!.split('#');
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const resolved = target ? path.posix.normalize(path.posix.join(dir, target)).replace(/\/$/, '') : file.path;
    if (resolved.startsWith('..')) report(m.index, `link ${m[1]} leaves the repository`);
    else if (!facts.exists(resolved)) report(m.index, `link ${m[1]}: ${resolved} does not exist`);
    else if (anchor && resolved.endsWith('.md') && !facts.anchors(resolved).has(anchor)) report(m.index, `link ${m[1]}: no heading #${anchor} in ${resolved}`);
  }
  const repoPath = new RegExp(String.raw`\`((?:${TOP_FOLDERS})/[^\`\s<>*{}|]+)\``, 'g');
  for (const m of file.text.matchAll(repoPath)) {
    const p = m[1]!.replace(/[.,:;)]+$/, '').replace(/\/$/, '');
    // a module may be named without its extension (`electron/main/atomic-write`)
    if (p.includes('/') && !facts.exists(p) && !facts.exists(`${p}.ts`) && !facts.exists(`${p}.tsx`)) report(m.index, `\`${m[1]}\` does not exist in the repository`);
  }
}

/** Every reference problem of one file. */
function referenceProblems(file: TextFile, facts: RepoFacts): Problem[] {
  const problems: Problem[] = [];
  const report = (index: number, message: string) => problems.push({ file: file.path, line: lineOf(file.text, index), message });
  outsidePaths(file, report);
  docCitations(file, facts, report);
  if (file.path.endsWith('.md')) markdownReferences(file, facts, report);
  return problems;
}

/**
 * The tests docs/SECURITY.md names as proof: in the "Test" cell of each row, a quoted title
 * belongs to the last test file named before it (a bare file name stands for the full path
 * given earlier in the page). Returns each title whose file lacks it.
 */
function missingSecurityTests(security: string, readTest: (repoPath: string) => string | null): string[] {
  const fullPaths = new Map([...security.matchAll(/`(test\/[^`]+\.ts)`/g)].map((m) => [path.posix.basename(m[1]!), m[1]!]));
  const missing: string[] = [];
  for (const row of security.split('\n').filter((l) => /^\| \d+ \|/.test(l))) {
    const cell = row.split(' | ').at(-1)!;
    let file: string | undefined;
    for (const m of cell.matchAll(/`([^`]+\.(?:spec|test)\.ts)`|"((?:[^"\\]|\\.)+)"/g)) {
      if (m[1]) file = fullPaths.get(m[1]) ?? m[1];
      else if (!file) missing.push(`row ${row.split(' | ')[0]!.slice(2)}: "${m[2]}" names no test file`);
      else if (!(readTest(file) ?? '').includes(m[2]!.replaceAll('\\"', '"'))) missing.push(`row ${row.split(' | ')[0]!.slice(2)}: ${file} has no test "${m[2]}"`);
    }
  }
  return missing;
}

function listTextFiles(dir = root, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink() || lstatSync(full).isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) listTextFiles(full, out);
    } else if (TEXT_FILE.test(entry.name) && !SKIPPED_FILES.has(entry.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

function repoFacts(): RepoFacts {
  const security = readFileSync(path.join(root, 'docs', 'SECURITY.md'), 'utf8');
  const domain = readFileSync(path.join(root, 'docs', 'DOMAIN.md'), 'utf8');
  const anchorCache = new Map<string, Set<string>>();
  return {
    exists: (p) => statSync(path.join(root, p), { throwIfNoEntry: false }) !== undefined,
    securityRows: new Set([...security.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]))),
    domainSections: new Set([...domain.matchAll(/^#{2,3} (\d+[a-z]?)\./gm)].map((m) => m[1]!)),
    anchors: (p) => {
      if (!anchorCache.has(p)) {
        const text = readFileSync(path.join(root, p), 'utf8');
        anchorCache.set(p, new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!))));
      }
      return anchorCache.get(p)!;
    },
  };
}

describe('references in the repository', () => {
  const facts = repoFacts();
  const files = listTextFiles()
    .filter((p) => p !== SELF)
    .map((p) => ({ path: p, text: readFileSync(path.join(root, p), 'utf8') }));

  it('reads the documentation it checks against', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'docs/SECURITY.md')).toBe(true);
    expect(facts.securityRows.size).toBeGreaterThanOrEqual(20);
    expect([...facts.domainSections]).toEqual(expect.arrayContaining(['1', '1a', '1b', '1c', '2', '3', '4', '5']));
  });

  it('point only inside the repository, at docs, sections, rows, links and paths that exist', () => {
    const problems = files.flatMap((f) => referenceProblems(f, facts)).map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([]);
  });
});

describe('docs/SECURITY.md', () => {
  it('names as proof only tests that exist, in the files it names', () => {
    const security = readFileSync(path.join(root, 'docs', 'SECURITY.md'), 'utf8');
    const read = (p: string) => (statSync(path.join(root, p), { throwIfNoEntry: false }) ? readFileSync(path.join(root, p), 'utf8') : null);
    expect(missingSecurityTests(security, read)).toEqual([]);
  });

  it('is checked: a renamed or misplaced test is reported', () => {
    const page = ['| 1 | a | b | `test/unit/a.test.ts` "works"; `test/e2e/b.spec.ts` "runs" and "gone" |', '| 2 | c | d | `a.test.ts` "runs" |'].join('\n');
    const tests: Record<string, string> = { 'test/unit/a.test.ts': "it('works')", 'test/e2e/b.spec.ts': "test('runs')" };
    expect(missingSecurityTests(page, (p) => tests[p] ?? null)).toEqual(['row 1: test/e2e/b.spec.ts has no test "gone"', 'row 2: test/unit/a.test.ts has no test "runs"']);
  });
});

describe('the reference checker', () => {
  const facts: RepoFacts = {
    exists: (p) => ['docs/SECURITY.md', 'docs/DOMAIN.md', 'docs/ARCHITECTURE.md', 'core/risks', 'core/risks/owner.ts'].includes(p),
    securityRows: new Set([1, 2, 3, 4, 5, 6]),
    domainSections: new Set(['1', '1a', '4']),
    anchors: (p) => new Set(p === 'docs/ARCHITECTURE.md' ? ['data-contracts'] : []),
  };
  const check = (filePath: string, text: string) => referenceProblems({ path: filePath, text }, facts).map((p) => `${p.line}: ${p.message}`);

  it('accepts citations of what exists', () => {
    expect(check('core/x.ts', '// docs/SECURITY.md rows 2-5, 6 and docs/DOMAIN.md §1a and §4\n')).toEqual([]);
    expect(check('docs/README.md', 'See [it](ARCHITECTURE.md#data-contracts), `core/risks/owner.ts`, `core/risks/`, SECURITY.md.\n')).toEqual([]);
  });

  it('refuses paths beside the repository and documents that live only there', () => {
    const dotdot = ['..', SHARED, 'fixtures', 'x.json'].join('/');
    expect(check('test/tool.mjs', `const EX = ROOT + '${dotdot}';`)).toEqual([expect.stringContaining('beside the repository'), expect.stringContaining('outside the repository')]);
    expect(check('README.md', `\n\nsee ${SHARED}/docs/X`)).toEqual([expect.stringMatching(/^3: .*outside the repository/)]);
    expect(check('assessments/FORMAT.md', 'ids follow CHECKS-REFERENCE.md')).toEqual([expect.stringContaining('not in the repository')]);
  });

  it('refuses a missing docs page, a bare page name outside docs/, a missing row or section', () => {
    expect(check('cli/a.ts', 'see docs/NOPE.md')).toEqual(['1: docs/NOPE.md does not exist']);
    expect(check('electron/a.ts', '// (SECURITY.md row 2)')).toEqual(['1: cite SECURITY.md as docs/SECURITY.md']);
    expect(check('electron/a.ts', '// docs/SECURITY.md rows 5-7')).toEqual(['1: docs/SECURITY.md has no row 7']);
    expect(check('core/a.ts', '// docs/DOMAIN.md §1a and §1b')).toEqual(['1: docs/DOMAIN.md has no section §1b']);
  });

  it('refuses Markdown links and backticked paths that do not resolve', () => {
    expect(check('docs/README.md', '[a](MISSING.md) [b](ARCHITECTURE.md#nowhere) [c](../../x.md)')).toEqual([
      '1: link MISSING.md: docs/MISSING.md does not exist',
      '1: link ARCHITECTURE.md#nowhere: no heading #nowhere in docs/ARCHITECTURE.md',
      '1: link ../../x.md leaves the repository',
    ]);
    expect(check('core/README.md', 'lives in `core/risks/gone.ts`.')).toEqual(['1: `core/risks/gone.ts` does not exist in the repository']);
  });

  it('makes GitHub anchors of headings', () => {
    expect(anchorOf('Testing without the Electron binary')).toBe('testing-without-the-electron-binary');
    expect(anchorOf('1c. The owner of a risk')).toBe('1c-the-owner-of-a-risk');
  });
});
