#!/usr/bin/env node
// Entry point of the `demarc` command. The CLI is TypeScript run through tsx, so
// `npx demarc` works in a fresh clone right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`demarc needs Node.js 22.12 or newer (this is ${process.version}).\n`);
  process.exit(2);
}

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
