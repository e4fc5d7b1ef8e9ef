import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrateRetiredTemplates } from '../../core/bundle/migrate-templates';
import { parseBundle, type AssessmentBundle } from '../../core/bundle/schema';
import { loadPack } from '../../core/content/loader';
import { buildReport } from '../../core/report/build';
import { lintDocx } from '../../core/report/docx-lint';
import type { ReportDepth } from '../../core/report/model';
import { registerCsv } from '../../core/report/register';
import { registerXlsx } from '../../core/report/register-workbook';
import { loadTemplate } from '../../core/report/template';
import type { ContentPack } from '../../core/content/types';
import { preflight, type PreflightResult } from '../../core/report/preflight';
import type { ReportOptions } from '../../core/report/types';
import type { ReportTemplate } from '../../core/report/template';
import type { CliCommand, CliIo } from '../io';
import { textTable } from '../text-table';
import { CliUsageError, parseOptions } from '../io';
import { packDirFrom, userPath } from '../pack';
import { writeFileAtomic } from '../../node/atomic-write';
import { readPackFiles, repoRoot } from '../../node/read-pack-files';
import { readTemplateDir, skippedLines, templateDirFrom } from './template-check';

const REPORT_DEPTHS: readonly ReportDepth[] = ['executive', 'standard', 'full'];

/** The bundled demo assessment (fictional client), used by `--demo` and `npm run demo`. */
export const demoBundlePath = join(repoRoot, 'assessments', 'demo', 'contoso-demo.demarc.json');

const IR_PLAN_MODES = ['separate', 'inside', 'inline'] as const;

type ReportValues = ReturnType<typeof parseReportArgs>;

function parseReportArgs(args: string[]) {
  return parseOptions(args, {
    bundle: { type: 'string' },
    demo: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    template: { type: 'string' },
    'ir-plan': { type: 'string' },
    depth: { type: 'string' },
    xlsx: { type: 'string' },
    csv: { type: 'string' },
    'no-mask': { type: 'boolean' },
    'no-lint': { type: 'boolean' },
    pack: { type: 'string' },
    check: { type: 'boolean' },
    json: { type: 'boolean' },
    status: { type: 'string' },
    version: { type: 'string' },
  });
}

/** The bundle (retired templates migrated), the pack and the template a report is built from. */
async function loadInputs(values: ReportValues, io: CliIo): Promise<{ bundle: AssessmentBundle; pack: ContentPack; template: ReportTemplate }> {
  const bundlePath = values.demo ? demoBundlePath : userPath(values.bundle!, io);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(bundlePath, 'utf8'));
  } catch (e) {
    throw new CliUsageError(`cannot read ${values.demo ? 'the demo bundle' : values.bundle}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
  const parsed = parseBundle(raw);
  if (!parsed.ok) {
    const lines = parsed.errors.slice(0, 20).map((e) => `  ${e.path || '(root)'}: ${e.message}`);
    throw new CliUsageError(`${basename(bundlePath)} is not a valid assessment bundle (${parsed.errors.length} problem(s)):\n${lines.join('\n')}`, 1);
  }
  const { pack, errors } = loadPack(readPackFiles(packDirFrom(values.pack, io)));
  if (errors.length > 0) io.stderr(`warning: the content pack has ${errors.length} problem(s) (run 'demarc content check'); text may be missing.\n`);
  if (pack.header && (pack.header.id !== parsed.bundle.contentPack.id || pack.header.version !== parsed.bundle.contentPack.version))
    io.stderr(`warning: the bundle was made with pack ${parsed.bundle.contentPack.id} ${parsed.bundle.contentPack.version}; using ${pack.header.id} ${pack.header.version}.\n`);
  // risks under retired templates move to the template that absorbed them (one risk per weakness)
  const migrated = migrateRetiredTemplates(parsed.bundle, pack, new Date().toISOString());
  if (migrated.notes.length > 0) io.stderr(`note: ${migrated.notes.length} risk(s) moved to merged templates:\n${migrated.notes.map((n) => `  ${n}`).join('\n')}\n`);

  const folder = await readTemplateDir(templateDirFrom(values.template, io));
  io.stderr(skippedLines(folder.skipped));
  const { template, problems } = loadTemplate(folder.files);
  if (!template) {
    const lines = problems.slice(0, 20).map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    throw new CliUsageError(`the template has ${problems.length} problem(s); run 'demarc template check':\n${lines.join('\n')}`, 1);
  }
  return { bundle: migrated.bundle, pack, template };
}

/** Status and version from the flags (explicit flags win over the bundle's deliverable settings). */
function statusVersion(values: ReportValues): Pick<ReportOptions, 'status' | 'version'> {
  const out: Pick<ReportOptions, 'status' | 'version'> = {};
  if (values.status !== undefined) {
    if (values.status !== 'draft' && values.status !== 'final') throw new CliUsageError("--status takes 'draft' or 'final'");
    out.status = values.status;
  }
  if (values.version !== undefined) out.version = values.version;
  return out;
}

/** `--check`: the pre-flight items as a table (or JSON); exit 1 while a blocker is open. */
function printCheck(result: PreflightResult, json: boolean, io: CliIo): number {
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.items.length === 0) io.stdout('Pre-flight check: nothing to fix.\n');
  else {
    const rows = result.items.map((i) => [i.accepted ? 'accepted' : i.severity, i.id, i.where, i.accepted ? `${i.message} Accepted: ${i.accepted.reason}` : i.message]);
    io.stdout(`${textTable(['Status', 'Item', 'Where to fix', 'What'], rows, { maxWidth: 66, wrapLast: true })}\n`);
    io.stdout(`\n${result.items.length} item(s): ${result.openBlockers} blocker(s) open, ${result.open} open in all.\n`);
  }
  return result.openBlockers === 0 ? 0 : 1;
}

/** `demarc report`: the client's Word report (and IR plan, register XLSX/CSV) from an assessment bundle. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write the client report (.docx) with its incident response plan from a bundle',
  usage: [
    'Usage: demarc report (--bundle FILE | --demo) -o REPORT.docx [--template DIR]',
    '                     [--ir-plan separate|inside] [--depth executive|standard|full]',
    '                     [--xlsx REGISTER.xlsx] [--csv REGISTER.csv]',
    '                     [--status draft|final] [--version V] [--no-mask] [--pack DIR] [--no-lint]',
    '       demarc report --check (--bundle FILE | --demo) [--json] [--status draft|final] [--version V]',
    '',
    '  --bundle FILE       an assessment bundle (*.demarc.json), as exported by the app or `demarc assess`',
    '  --demo              use the bundled demo assessment (a fictional client)',
    '                      (Microsoft Graph findings are reported as the bundle records them: checked with the',
    '                      emergency access accounts it names, graphSettings; re-check with `demarc assess`)',
    '  --template DIR      a report template folder (default: templates/default)',
    '  --ir-plan MODE      separate: the incident response plan as its own document, REPORT-ir-plan.docx',
    "                      (the default unless the bundle's deliverable settings say otherwise);",
    "                      inside: keep it as a chapter of the report ('inline' is accepted too)",
    '  --depth D           executive (one line per risk), standard (themes, the default) or full',
    "                      (also one page per risk, the register and the queries); default: the bundle's setting",
    '  --xlsx FILE         also write the register workbook: every risk field with its evidence,',
    '                      every failing finding, and the queries the evidence came from',
    '  --csv FILE          also write the risk register as CSV (Azure DevOps, Jira)',
    "  --no-mask           show tenant and subscription ids and users' names in full (masked by default)",
    '  --no-lint           skip the structural check of the .docx before it is written',
    "  --status, --version the document's status and version (default: the bundle's deliverable settings;",
    '                      a draft is 0.9 "Draft for review", a final 1.0 "Final")',
    '  --check             list what would embarrass the report (contradictions, "Don\'t know" risks, owners,',
    '                      IR roles, placeholders, document control); exit 1 while a blocker is neither',
    '                      fixed nor accepted (docs/preflight.md). --json prints the items as JSON.',
  ].join('\n'),
  async run(args, io) {
    const values = parseReportArgs(args);
    if (!values.bundle === !values.demo) throw new CliUsageError('give either --bundle FILE or --demo');
    if (!values.check && !values.output) throw new CliUsageError('-o REPORT.docx is required');
    const irPlanFlag = IR_PLAN_MODES.find((m) => m === values['ir-plan']);
    if (values['ir-plan'] !== undefined && !irPlanFlag) throw new CliUsageError("--ir-plan takes 'separate' or 'inside'");
    if (values.depth !== undefined && !REPORT_DEPTHS.includes(values.depth as ReportDepth)) throw new CliUsageError(`--depth takes ${REPORT_DEPTHS.join(', ')}`);
    const explicit = statusVersion(values);
    const { bundle, pack, template } = await loadInputs(values, io);
    const checked = preflight({ bundle, pack, template, options: explicit });
    if (values.check) return printCheck(checked, values.json === true, io);
    if (checked.open > 0)
      io.stderr(`warning: the pre-flight check has ${checked.open} open item(s), ${checked.openBlockers} of them blocker(s); run 'demarc report --check' to list them.\n`);

    const started = performance.now();
    const built = await buildReport({
      bundle,
      pack,
      template,
      // flags given win; the builder falls back to the bundle's deliverable settings, then defaults
      options: {
        mask: !values['no-mask'],
        ...(irPlanFlag ? { irPlan: irPlanFlag } : {}),
        ...(values.depth ? { depth: values.depth as ReportDepth } : {}),
        ...explicit,
      },
    });
    const out = userPath(values.output!, io);
    const written: string[] = [];
    const outputs: [string, Uint8Array][] = [[out, built.report]];
    if (built.irPlan) outputs.push([join(dirname(out), `${basename(out).replace(/\.docx$/i, '')}-ir-plan.docx`), built.irPlan]);

    if (!values['no-lint']) {
      for (const [path, bytes] of outputs) {
        const lint = await lintDocx(bytes);
        if (lint.length > 0) {
          for (const p of lint.slice(0, 20)) io.stderr(`  ${p.part} [${p.rule}] ${p.message}\n`);
          throw new Error(`internal error: ${basename(path)} failed the structural check (${lint.length} problem(s)); nothing was written`);
        }
      }
    }
    for (const [path, bytes] of outputs) {
      await writeFileAtomic(path, bytes);
      written.push(path);
    }
    if (values.xlsx) {
      const path = userPath(values.xlsx, io);
      await writeFileAtomic(path, await registerXlsx(built.model));
      written.push(path);
    }
    if (values.csv) {
      const path = userPath(values.csv, io);
      await writeFileAtomic(path, registerCsv(built.model));
      written.push(path);
    }
    const ms = Math.round(performance.now() - started);
    io.stdout(
      `Wrote ${written.map((p) => basename(p)).join(', ')}: ${built.model.risks.length} risks, ${built.model.irPlan.playbooks.length} playbooks` +
        `${built.model.meta.masked ? ', ids masked' : ''} (${ms} ms).\n`,
    );
    return 0;
  },
};
