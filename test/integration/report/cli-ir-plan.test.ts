import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBundlePath } from '../../../cli/commands/report';
import type { CliIo } from '../../../cli/io';
import { main } from '../../../cli/main';
import { lintDocx } from '../../../core/report/docx-lint';

const root = mkdtempSync(join(tmpdir(), 'demarc-cli-ir-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder per run, so each test sees only the files it wrote. */
function io(): CliIo & { out: string; err: string; dir: string } {
  const dir = mkdtempSync(join(root, 'run-'));
  const o = { out: '', err: '', env: {}, cwd: dir, dir } as CliIo & { out: string; err: string; dir: string };
  o.stdout = (t) => void (o.out += t);
  o.stderr = (t) => void (o.err += t);
  return o;
}

const bodyText = async (path: string): Promise<string> => (await JSZip.loadAsync(readFileSync(path)).then((z) => z.file('word/document.xml')!.async('string'))).replace(/<[^>]+>/g, '');

describe('demarc report: where the IR plan goes', () => {
  it('writes the IR plan as its own document by default, quick card first, and both pass the structural lint', async () => {
    const x = io();
    expect(await main(['report', '--demo', '-o', 'r.docx'], x)).toBe(0);
    expect(readdirSync(x.dir).sort()).toEqual(['r-ir-plan.docx', 'r.docx']);
    for (const f of ['r.docx', 'r-ir-plan.docx']) expect(await lintDocx(new Uint8Array(readFileSync(join(x.dir, f)))), f).toEqual([]);
    const plan = await bodyText(join(x.dir, 'r-ir-plan.docx'));
    expect(plan.indexOf('Quick-reference card')).toBeLessThan(plan.indexOf('Document control'));
    expect(plan).toContain('Notification clocks');
    expect(await bodyText(join(x.dir, 'r.docx'))).toContain('issued as a separate document');
  }, 180_000);

  it('keeps the plan inside the report with --ir-plan inside, and accepts the old name inline', async () => {
    for (const mode of ['inside', 'inline']) {
      const x = io();
      expect(await main(['report', '--demo', '-o', 'r.docx', '--ir-plan', mode], x)).toBe(0);
      expect(readdirSync(x.dir), mode).toEqual(['r.docx']);
      expect(await lintDocx(new Uint8Array(readFileSync(join(x.dir, 'r.docx'))))).toEqual([]);
      expect(await bodyText(join(x.dir, 'r.docx'))).toContain('Quick-reference card');
    }
  }, 240_000);

  it("follows the bundle's deliverable setting when no flag is given, and refuses an unknown mode", async () => {
    const x = io();
    const bundle = JSON.parse(readFileSync(demoBundlePath, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(x.dir, 'b.demarc.json'), JSON.stringify({ ...bundle, deliverable: { irPlan: 'inside' } }));
    expect(await main(['report', '--bundle', 'b.demarc.json', '-o', 'r.docx'], x)).toBe(0);
    expect(existsSync(join(x.dir, 'r-ir-plan.docx'))).toBe(false);
    const y = io();
    expect(await main(['report', '--demo', '-o', 'r.docx', '--ir-plan', 'appendix'], y)).not.toBe(0);
    expect(y.err).toMatch(/--ir-plan takes 'separate' or 'inside'/);
  }, 180_000);
});
