import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTemplateDir } from '../../../cli/commands/template-check';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/io';

const dir = mkdtempSync(join(tmpdir(), 'demarc-cli-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', env: {}, cwd: dir } as CliIo & { out: string; err: string };
  o.stdout = (t) => void (o.out += t);
  o.stderr = (t) => void (o.err += t);
  return o;
}

describe('demarc report / template check', () => {
  it('writes the demo report, a separate IR plan, the register as XLSX and CSV', async () => {
    // A link planted where a guessable temporary name would be must not be written through.
    writeFileSync(join(dir, 'victim.txt'), 'untouched');
    for (const f of ['r.docx', 'r.csv']) symlinkSync(join(dir, 'victim.txt'), join(dir, `${f}.tmp-${process.pid}`));
    const x = io();
    const code = await main(['report', '--demo', '-o', 'r.docx', '--ir-plan', 'separate', '--xlsx', 'r.xlsx', '--csv', 'r.csv'], x);
    // nothing on stderr: each of the demo's pre-flight items is accepted (cli-preflight.test.ts has the warning line)
    expect(x.err).toBe('');
    expect(code).toBe(0);
    for (const f of ['r.docx', 'r-ir-plan.docx', 'r.xlsx', 'r.csv']) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(x.out).toMatch(/Wrote r\.docx, r-ir-plan\.docx, r\.xlsx, r\.csv: \d+ risks/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const ws = wb.getWorksheet('Risk register')!;
    expect(ws.getRow(1).getCell(1).value).toBe('ID');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toMatch(/^\uFEFFID,Title,Work Item Type,Priority/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('untouched');
  }, 120_000);

  it('reads a bundle made before templates were merged, and says which risks moved', async () => {
    const x = io();
    const fixture = join(__dirname, '../../fixtures/bundles/contoso-demo-v1-before-merge.demarc.json');
    const code = await main(['report', '--bundle', fixture, '-o', 'old.docx', '--no-lint'], x);
    expect(code).toBe(0);
    expect(x.err).toMatch(/risk\(s\) moved to merged templates/);
    expect(x.err).toMatch(/R-003: Pack 1\.1\.0 retired RT-NET-EXPOSED-MANAGEMENT-PORTS in favour of RT-NW-MGMT-EXPOSED\. R-004 merged into this risk/);
    expect(existsSync(join(dir, 'old.docx'))).toBe(true);
  }, 120_000);

  it('rejects an invalid bundle with the JSON paths of its problems', async () => {
    writeFileSync(join(dir, 'bad.demarc.json'), JSON.stringify({ format: 'demarc-assessment', schemaVersion: 1 }));
    const x = io();
    expect(await main(['report', '--bundle', 'bad.demarc.json', '-o', 'x.docx'], x)).toBe(1);
    expect(x.err).toMatch(/not a valid assessment bundle/);
    expect(x.err).toMatch(/assessment/);
    expect(await main(['report', '-o', 'x.docx'], io())).toBe(2);
  });

  it('template check: no problems in the default, file:line for a broken copy', async () => {
    const ok = io();
    expect(await main(['template', 'check'], ok)).toBe(0);
    const copy = join(dir, 'tpl');
    cpSync(defaultTemplateDir, copy, { recursive: true });
    writeFileSync(join(copy, 'blocks', 'roadmap.md'), 'Intro.\n\nSee {{nope}}.\n');
    rmSync(join(copy, 'blocks', 'glossary.md'));
    writeFileSync(join(copy, 'cover.png'), Buffer.alloc(5 * 1024 * 1024 + 1));
    const bad = io();
    expect(await main(['template', 'check', 'tpl'], bad)).toBe(1);
    expect(bad.out).toContain('skipped cover.png: larger than the 5 MB limit for one file (5,242,881 bytes)\n');
    expect(bad.out).toContain('blocks/roadmap.md:3: unknown placeholder {{nope}}');
    expect(bad.out).toContain("blocks/glossary.md: missing block 'glossary'");
    const r = io();
    expect(await main(['report', '--demo', '-o', 'y.docx', '--template', 'tpl'], r)).toBe(1);
    expect(r.err).toMatch(/template has 2 problem/);
  }, 60_000);
});
