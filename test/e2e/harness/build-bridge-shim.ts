import path from 'node:path';
import { build } from 'vite';

/** Bundles `bridge-shim.ts` into one classic script for `page.addInitScript`. */
export function buildBridgeShim(): Promise<string> {
  return buildPageScript('bridge-shim.ts', 'demarcBridgeShim');
}

/** Bundles `legacy-database.ts` (old-schema databases for the migration tests) into one classic script. */
export function buildLegacyDatabaseScript(): Promise<string> {
  return buildPageScript('legacy-database.ts', 'demarcLegacyDatabase');
}

/** Bundles a harness file and what it imports into one classic script run in the page. */
async function buildPageScript(file: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'chrome140',
      lib: { entry: path.join(import.meta.dirname, file), formats: ['iife'], name },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((item) => item.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error(`The build of ${file} produced no script.`);
}
