/** Reading an assessment bundle file for the commands that take `--bundle`. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseBundle, type AssessmentBundle } from '../core/bundle/schema';
import type { CliIo } from './io';
import { CliUsageError } from './io';
import { userPath } from './pack';

/** Reads and validates a bundle; every problem (up to 20) is named with its JSON path. */
export function loadBundleFile(file: string, io: CliIo): AssessmentBundle {
  const path = userPath(file, io);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliUsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
  const parsed = parseBundle(raw);
  if (!parsed.ok) {
    const lines = parsed.errors.slice(0, 20).map((e) => `  ${e.path || '(root)'}: ${e.message}`);
    throw new CliUsageError(`${basename(path)} is not a valid assessment bundle (${parsed.errors.length} problem(s)):\n${lines.join('\n')}`, 1);
  }
  return parsed.bundle;
}
