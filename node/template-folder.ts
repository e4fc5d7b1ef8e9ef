/**
 * Reads a report template folder (templates/<name>/) into `{path, text | bytes}` for the
 * pure template loader. Shared by the main process (the Report screen's "choose a template
 * folder") and the CLI. Only regular files are read — links, dotfiles and anything past the
 * limits are left out — because the folder is the user's, not ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { TemplateFile } from '../core/report/template';

const TEXT = /\.(ya?ml|md|txt)$/i;
const KNOWN = /\.(ya?ml|md|txt|png|jpe?g|docx)$/i;

export const TEMPLATE_FOLDER_LIMITS = { files: 300, fileBytes: 5 * 1024 * 1024, totalBytes: 30 * 1024 * 1024, depth: 4 } as const;

export class TemplateFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateFolderError';
  }
}

export function readTemplateFolder(dir: string): TemplateFile[] {
  const root = resolve(dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new TemplateFolderError(`template folder not found: ${dir}`);
  const out: TemplateFile[] = [];
  let total = 0;
  const walk = (folder: string, depth: number): void => {
    if (depth > TEMPLATE_FOLDER_LIMITS.depth) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && KNOWN.test(entry.name)) {
        const size = statSync(full).size;
        if (size > TEMPLATE_FOLDER_LIMITS.fileBytes) continue;
        total += size;
        if (out.length >= TEMPLATE_FOLDER_LIMITS.files || total > TEMPLATE_FOLDER_LIMITS.totalBytes) {
          throw new TemplateFolderError(
            `template folder is too large (at most ${TEMPLATE_FOLDER_LIMITS.files} files and ${TEMPLATE_FOLDER_LIMITS.totalBytes / 1024 / 1024} MB)`,
          );
        }
        const path = relative(root, full).split(sep).join('/');
        out.push(TEXT.test(path) ? { path, text: readFileSync(full, 'utf8') } : { path, bytes: new Uint8Array(readFileSync(full)) });
      }
    }
  };
  walk(root, 0);
  return out;
}
