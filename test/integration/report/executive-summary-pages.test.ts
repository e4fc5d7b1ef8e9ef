/**
 * The demo's executive summary fits on two pages as LibreOffice lays it out, opens with the
 * act-now box, and the roadmap opens with it too. Skipped (saying why) without LibreOffice and
 * poppler, except in CI where libreoffice.test.ts already fails the run.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/report/build';
import { loadDemo } from '../../unit/core/report/helpers';

const run = promisify(execFile);
const has = (cmd: string, arg = '--version'): boolean => spawnSync(cmd, [arg], { stdio: 'ignore', timeout: 60_000 }).status === 0;
const office = ['libreoffice', 'soffice'].find((c) => has(c));
const available = Boolean(office) && has('pdftotext', '-v');
if (!available) console.warn('Skipping the executive summary page test: LibreOffice and poppler-utils are needed.');

/** The first line under the running header of each page (the heading a section starts with). */
function pageOpenings(text: string): string[] {
  return text.split('\f').map((page) => page.split('\n').map((l) => l.trim()).filter(Boolean)[1] ?? '');
}

describe.runIf(available)('executive summary as LibreOffice lays it out', () => {
  let dir = '';
  let pages: string[] = [];
  let openings: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demarc-summary-'));
    const { bundle, pack, template } = loadDemo();
    const { report } = await buildReport({ bundle, pack, template });
    writeFileSync(join(dir, 'demo.docx'), report);
    await run(office!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'demo.docx')], { timeout: 300_000 });
    const { stdout } = await run('pdftotext', ['-layout', join(dir, 'demo.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 });
    pages = stdout.split('\f');
    openings = pageOpenings(stdout);
  }, 360_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes at most two pages and opens with the act-now box', () => {
    const start = openings.indexOf('Executive summary');
    const next = openings.indexOf('Scope and approach');
    expect(start).toBeGreaterThan(0);
    expect(next - start).toBeLessThanOrEqual(2);
    expect(pages[start]).toMatch(/Executive summary\s+Act now \(this week\)/);
  });

  it('opens the roadmap with the act-now box as well', () => {
    // the roadmap may follow the short tail of the themes on its page
    const roadmap = pages.findIndex((p) => /^\s*Remediation roadmap\s*$/m.test(p) && !/\.{4,}/.test(p));
    expect(roadmap).toBeGreaterThan(0);
    // with the IR plan separate, its one-paragraph pointer comes first
    expect(pages[roadmap]).toMatch(/Remediation roadmap\s+(Incident response plan: [^]*?)?Act now \(this week\)/);
  });
});
