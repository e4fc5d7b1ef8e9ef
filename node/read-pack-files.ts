import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackFile } from '../core/content/types';

/** The repository root (the folder holding `assessments/`). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled pack folder. */
export const defaultPackDir = join(repoRoot, 'assessments', 'azure-m365');

/** Reads every file under a pack folder into `{path, text}` with forward-slash relative paths. */
export function readPackFiles(packDir: string): PackFile[] {
  const root = resolve(packDir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`pack folder not found: ${packDir}`);
  const out: PackFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}
