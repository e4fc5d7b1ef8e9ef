import { isAbsolute, resolve } from 'node:path';
import { verifyFixtures } from '../core/checks/fixtures';
import { loadPack } from '../core/content/loader';
import type { ContentError, ContentPack } from '../core/content/types';
import type { CliIo } from './io';
import { CliUsageError } from './io';
import { defaultPackDir, readPackFiles } from '../node/read-pack-files';

/** Resolves `--pack` against the working directory; defaults to the bundled pack. */
export function packDirFrom(option: string | undefined, io: CliIo): string {
  if (!option) return defaultPackDir;
  return isAbsolute(option) ? option : resolve(io.cwd, option);
}

/** Loads a pack and verifies its fixtures: every problem is in `errors`. */
export function loadAndVerify(packDir: string): { pack: ContentPack; errors: ContentError[]; checksWithPassAndFailFixtures: number } {
  const { pack, errors } = loadPack(readPackFiles(packDir));
  const fixtures = verifyFixtures(pack);
  return {
    pack,
    errors: [...errors, ...fixtures.errors],
    checksWithPassAndFailFixtures: fixtures.outcomes.filter((o) => o.passOk && o.failOk).length,
  };
}

/** Loads a pack for commands that need a valid one; a broken pack is a usage error (exit 1). */
export function loadValidPack(packDir: string): ContentPack {
  const { pack, errors } = loadPack(readPackFiles(packDir));
  if (errors.length > 0) {
    const first = errors.slice(0, 10).map((e) => `  ${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`);
    throw new CliUsageError(`the content pack has ${errors.length} error(s); run 'demarc content check':\n${first.join('\n')}`, 1);
  }
  return pack;
}

/** Resolves a user path against the working directory. */
export const userPath = (p: string, io: CliIo): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
