/**
 * The `demarc` entry point: the prebuilt bundle (cli/bin/build-cli.mjs, run by `npm ci`'s
 * `prepare`) is used while fresh, and tsx runs the TypeScript when the bundle is missing or a
 * source changed. Runs in a copy of the repository (node_modules linked) so the real
 * checkout's dist/ is not touched.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../node/read-pack-files';
import { lintDocx } from '../../../core/report/docx-lint';

const run = promisify(execFile);
const copy = mkdtempSync(join(tmpdir(), 'demarc-cli-start-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const p of ['package.json', 'cli', 'core', 'node', 'electron', 'assessments', 'templates']) cpSync(join(repoRoot, p), join(copy, p), { recursive: true, filter: (src) => !src.includes(`${join(repoRoot, 'dist')}`) });
symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');

const demarc = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [join(copy, 'cli', 'bin', 'demarc.mjs'), ...args], { cwd: copy, env: { ...process.env, DEMARC_CLI_DEBUG: '1', ...env }, timeout: 180_000 });

describe('demarc start-up: prebuilt bundle or tsx', () => {
  it('without a bundle, runs through tsx', async () => {
    const { stdout, stderr } = await demarc(['--version']);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
    expect(stderr).toContain('running through tsx: no prebuilt bundle');
  }, 200_000);

  it('builds the bundle, uses it, and writes the demo report through it (which lints clean)', async () => {
    await run(process.execPath, [join(copy, 'cli', 'bin', 'build-cli.mjs')], { cwd: copy, timeout: 120_000 });
    const help = await demarc(['--help']);
    expect(help.stderr).toBe('demarc: running the prebuilt bundle\n');
    expect(help.stdout).toMatch(/Usage: demarc <command>/);
    const report = await demarc(['report', '--demo', '-o', 'demo.docx']);
    // the start-up line only: each of the demo's pre-flight items is accepted (docs/preflight.md)
    expect(report.stderr).toBe('demarc: running the prebuilt bundle\n');
    expect(await lintDocx(new Uint8Array(readFileSync(join(copy, 'demo.docx'))))).toEqual([]);
  }, 300_000);

  it('falls back to tsx when a source changed after the build, and when forced', async () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(copy, 'cli', 'main.ts'), later, later);
    const { stdout, stderr } = await demarc(['--help']);
    expect(stderr).toContain('running through tsx: cli/main.ts changed since the bundle was built');
    expect(stdout).toMatch(/Usage: demarc <command>/);
    expect((await demarc(['--version'], { DEMARC_CLI_TSX: '1' })).stderr).toContain('running through tsx: DEMARC_CLI_TSX=1');
  }, 200_000);
});
