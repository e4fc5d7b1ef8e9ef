import { join, resolve } from 'node:path';
import { checkTemplate } from '../../core/report/template-check';
import type { CliCommand, CliIo } from '../io';
import { CliUsageError } from '../io';
import { TemplateFolderError, readTemplateFolder, type SkippedEntry, type TemplateFolderContents } from '../../node/template-folder';
import { repoRoot } from '../../node/read-pack-files';

/** The bundled default template. */
export const defaultTemplateDir = join(repoRoot, 'templates', 'default');

/** Reads a template folder (node/template-folder.ts); a missing or unusable folder is a usage error. */
export async function readTemplateDir(dir: string): Promise<TemplateFolderContents> {
  try {
    return await readTemplateFolder(dir);
  } catch (error) {
    if (error instanceof TemplateFolderError) throw new CliUsageError(error.message, 1);
    throw error;
  }
}

/** What the folder walk left out, one line each, for the user to see. */
export const skippedLines = (skipped: readonly SkippedEntry[]): string => skipped.map((s) => `skipped ${s.path}: ${s.reason}\n`).join('');

export const templateDirFrom = (option: string | undefined, io: CliIo): string => (option ? resolve(io.cwd, option) : defaultTemplateDir);

/** `demarc template check DIR`: every problem of a report template, with file and line. */
export const templateCheckCommand: CliCommand = {
  name: 'template check',
  summary: 'check a report template folder (placeholders, blocks, images, styles)',
  usage: [
    'Usage: demarc template check [DIR]',
    '',
    'Checks a report template folder (default: templates/default): template.yaml against its',
    'schema, every text block present and known, every {{placeholder}} known, the logo a PNG',
    'or JPEG, and the reference Word document (if any) defining every style the report uses.',
    'Lists every problem as FILE:LINE: message, and every file it did not read with the reason',
    '(hidden, a link, an unknown kind, over 5 MB, too deep). Exit 1 when there is any problem.',
  ].join('\n'),
  async run(args, io) {
    const positionals = args.filter((a) => !a.startsWith('-'));
    const unknown = args.filter((a) => a.startsWith('-'));
    if (unknown.length > 0) throw new CliUsageError(`unknown option ${unknown[0]}`);
    if (positionals.length > 1) throw new CliUsageError('give one template folder');
    const dir = templateDirFrom(positionals[0], io);
    const { files, skipped } = await readTemplateDir(dir);
    io.stdout(skippedLines(skipped));
    const problems = await checkTemplate(files);
    if (problems.length === 0) {
      io.stdout(`${positionals[0] ?? 'templates/default'}: no problems.\n`);
      return 0;
    }
    for (const p of problems) io.stdout(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
    io.stderr(`${problems.length} problem(s) in ${positionals[0] ?? 'templates/default'}.\n`);
    return 1;
  },
};
