import path from 'node:path';
import { build } from 'vite';

/** Bundles `bridge-shim.ts` into one classic script for `page.addInitScript`. */
export async function buildBridgeShim(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'chrome140',
      lib: { entry: path.join(import.meta.dirname, 'bridge-shim.ts'), formats: ['iife'], name: 'demarcBridgeShim' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((item) => item.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('The bridge shim build produced no script.');
}
