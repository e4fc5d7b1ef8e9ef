/**
 * The import restrictions of eslint.config.js bite where they should: planted files (kept
 * out of the normal lint run) are linted with the project's own configuration as if they
 * lived in renderer/, node/ and electron/main/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'eslint-restricted-imports');
const eslint = new ESLint({ cwd: root });

/** The import sources reported by no-restricted-imports when `fixture` is linted as `asPath`. */
async function restrictedImports(fixture: string, asPath: string): Promise<string[]> {
  const text = readFileSync(path.join(fixtures, fixture), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: path.join(root, asPath) });
  const lines = text.split('\n');
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => /from '([^']+)'/.exec(lines[m.line - 1] ?? '')?.[1] ?? `line ${m.line}`);
}

describe('eslint no-restricted-imports', () => {
  it('keeps electron, @azure/identity, Node built-ins and @electron/remote out of the renderer', async () => {
    const reported = await restrictedImports('renderer-imports.ts', 'renderer/planted.ts');
    expect(reported.sort()).toEqual(['@azure/identity', '@electron/remote', 'electron', 'node:fs', 'path']);
  }, 30_000);

  it('keeps electron out of node/ and lets it use Node built-ins', async () => {
    expect(await restrictedImports('node-imports.ts', 'node/planted.ts')).toEqual(['electron']);
  }, 30_000);

  it('still restricts ipcMain outside main.ts', async () => {
    expect(await restrictedImports('main-imports.ts', 'electron/main/planted.ts')).toEqual(['electron']);
    expect(await restrictedImports('main-imports.ts', 'electron/main/main.ts')).toEqual([]);
  }, 30_000);
});
