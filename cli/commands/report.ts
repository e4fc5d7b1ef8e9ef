import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { migrateRetiredTemplates } from '../../core/bundle/migrate-templates';
import { parseBundle, type AssessmentBundle } from '../../core/bundle/schema';
import { loadPack } from '../../core/content/loader';
import { buildReport } from '../../core/report/build';
import { lintDocx } from '../../core/report/docx-lint';
import { registerCsv } from '../../core/report/register';
import { registerXlsx } from '../../core/report/register-workbook';
import { loadTemplate } from '../../core/report/template';
import type { CliCommand } from '../io';
import { CliUsageError, parseOptions } from '../io';
import { packDirFrom, userPath } from '../pack';
import { writeFileAtomic } from '../../node/atomic-write';
import { readPackFiles, repoRoot } from '../../node/read-pack-files';
import { readTemplateDir, skippedLines, templateDirFrom } from './template-check';

/** The bundled demo assessment (fictional client), used by `--demo` and `npm run demo`. */
export const demoBundlePath = join(repoRoot, 'assessments', 'demo', 'contoso-demo.demarc.json');

/** `demarc report`: the client's Word report (and IR plan, register XLSX/CSV) from an assessment bundle. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write the client report (.docx) with its incident response plan from a bundle',
  usage: [
    'Usage: demarc report (--bundle FILE | --demo) -o REPORT.docx [--template DIR]',
    '                     [--ir-plan separate] [--xlsx REGISTER.xlsx] [--csv REGISTER.csv]',
    '                     [--no-mask] [--pack DIR] [--no-lint]',
    '',
    '  --bundle FILE       an assessment bundle (*.demarc.json), as exported by the app or `demarc assess`',
    '  --demo              use the bundled demo assessment (a fictional client)',
    '  --template DIR      a report template folder (default: templates/default)',
    '  --ir-plan separate  write the incident response plan as its own document (REPORT-ir-plan.docx)',
    '  --xlsx FILE         also write the register workbook: every risk field with its evidence,',
    '                      every failing finding, and the queries the evidence came from',
    '  --csv FILE          also write the risk register as CSV (Azure DevOps, Jira)',
    "  --no-mask           show tenant and subscription ids and users' names in full (masked by default)",
    '  --no-lint           skip the structural check of the .docx before it is written',
  ].join('\n'),
  async run(args, io) {
    const values = parseOptions(args, {
      bundle: { type: 'string' },
      demo: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      template: { type: 'string' },
      'ir-plan': { type: 'string' },
      xlsx: { type: 'string' },
      csv: { type: 'string' },
      'no-mask': { type: 'boolean' },
      'no-lint': { type: 'boolean' },
      pack: { type: 'string' },
    });
    if (!values.bundle === !values.demo) throw new CliUsageError('give either --bundle FILE or --demo');
    if (!values.output) throw new CliUsageError('-o REPORT.docx is required');
    if (values['ir-plan'] !== undefined && values['ir-plan'] !== 'separate' && values['ir-plan'] !== 'inline')
      throw new CliUsageError("--ir-plan takes 'separate' (or 'inline', the default)");

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
    const bundle: AssessmentBundle = migrated.bundle;

    const templateDir = templateDirFrom(values.template, io);
    const folder = await readTemplateDir(templateDir);
    io.stderr(skippedLines(folder.skipped));
    const { template, problems } = loadTemplate(folder.files);
    if (!template) {
      const lines = problems.slice(0, 20).map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      throw new CliUsageError(`the template has ${problems.length} problem(s); run 'demarc template check':\n${lines.join('\n')}`, 1);
    }

    const started = performance.now();
    const built = await buildReport({
      bundle,
      pack,
      template,
      options: { mask: !values['no-mask'], irPlan: values['ir-plan'] === 'separate' ? 'separate' : 'inline' },
    });
    const out = userPath(values.output, io);
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
