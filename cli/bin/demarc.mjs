#!/usr/bin/env node
// Entry point of the `demarc` command. It runs the prebuilt bundle (dist/demarc-cli.mjs,
// made by `npm ci` through the `prepare` script, or `npm run build:cli`) when it is there
// and no source file it was built from has changed since; otherwise it runs the TypeScript
// through tsx, so `npx demarc` always works in a fresh clone and while editing the code.
// DEMARC_CLI_TSX=1 forces tsx; DEMARC_CLI_DEBUG=1 says on stderr which one runs.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`demarc needs Node.js 22.12 or newer (this is ${process.version}).\n`);
  process.exit(2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'dist', 'demarc-cli.mjs');

/** Why the bundle cannot be used, or '' when it exists and none of its sources is newer (or gone). */
function bundleProblem() {
  if (process.env.DEMARC_CLI_TSX === '1') return 'DEMARC_CLI_TSX=1';
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist', 'demarc-cli.json'), 'utf8'));
    statSync(bundle);
  } catch {
    return 'no prebuilt bundle (npm run build:cli makes one)';
  }
  if (typeof manifest.builtAt !== 'number' || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return 'unreadable bundle manifest';
  for (const input of manifest.inputs) {
    const stat = statSync(join(root, String(input)), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > manifest.builtAt) return `${input} changed since the bundle was built`;
  }
  return '';
}

const problem = bundleProblem();
if (process.env.DEMARC_CLI_DEBUG === '1') process.stderr.write(problem ? `demarc: running through tsx: ${problem}\n` : 'demarc: running the prebuilt bundle\n');
let main;
if (!problem) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../main.ts'));
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
