/**
 * Storing a big inventory in Dexie in Chromium: the app's layout (indexed rows + raw
 * chunks, `storeSnapshot`) against a raw IndexedDB put of the same rows and against one
 * Dexie record per resource with five indexes (the first design; figures in bench/README.md).
 *
 *   npx tsx bench/renderer-storage.bench.ts [rows=100000] [rounds=3]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumPath } from '../playwright.config';

const rows = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: true, target: 'chrome140', lib: { entry: path.join(import.meta.dirname, 'renderer', 'storage-entry.ts'), formats: ['iife'], name: 'storageBench' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const o of outputs) if ('output' in o) for (const c of o.output) if (c.type === 'chunk') return c.code;
  throw new Error('no bundle');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const script = await bundle();
const server = http.createServer((req, res) => {
  if (req.url === '/bench.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><script src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
const results: { demarcMs: number; rawMs: number; naiveMs: number | null }[] = [];
for (let i = 0; i < rounds; i++) {
  results.push(await page.evaluate(([n, naive]) => window.runStorageBench(n, naive), [rows, i === 0] as [number, boolean]));
  console.error(`round ${i + 1}:`, results.at(-1));
}
await browser.close();
server.close();
const demarc = median(results.map((r) => r.demarcMs));
const raw = median(results.map((r) => r.rawMs));
const naive = results[0]!.naiveMs!;
const row = (label: string, ms: number) => `| ${label} | ${Math.round(ms)} | ${Math.round(rows / (ms / 1000)).toLocaleString('en')} | ${(ms / raw).toFixed(2)}× |`;
console.log(`| layout (${rows.toLocaleString('en')} rows of ~1 KB) | median ms | rows/s | vs raw IndexedDB |`);
console.log('| --- | --- | --- | --- |');
console.log(row('raw IndexedDB: one put per row, one transaction', raw));
console.log(row('Demarc: column chunks + raw chunks + finding chunks of 500 resources, one transaction', demarc));
console.log(row('one Dexie record per resource, 5 indexes, one bulkPut (first round only)', naive));
