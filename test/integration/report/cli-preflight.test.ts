import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBundlePath } from '../../../cli/commands/report';
import type { AssessmentBundle } from '../../../core/bundle/schema';
import { runMain } from '../../unit/cli/run-main';

const dir = mkdtempSync(join(tmpdir(), 'demarc-cli-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demarc = (...args: string[]) => runMain(args, dir);

const demo = JSON.parse(readFileSync(demoBundlePath, 'utf8')) as AssessmentBundle;

/** Writes the demo with its deliverable settings replaced; returns the file name. */
function bundleWith(name: string, deliverable: AssessmentBundle['deliverable']): string {
  writeFileSync(join(dir, name), JSON.stringify({ ...demo, deliverable }));
  return name;
}

describe('demarc report --check', () => {
  it('lists the demo items as a table, each accepted with its reason: nothing open', async () => {
    const x = await demarc('report', '--check', '--demo');
    expect(x.stdout).toMatch(/^Status +Item +Where to fix +What/);
    expect(x.stdout).toMatch(/accepted +contradiction:support-plan +Interview > IRP-05/);
    expect(x.stdout).toMatch(/accepted +dont-know:R-072 .* Accepted: Nobody present could answer IRP-05; .* Tom Becker confirms by 2026-12-04/);
    expect(x.stdout).not.toMatch(/owner:R-/);
    expect(x.stdout).toMatch(/\n\d+ item\(s\): 0 blocker\(s\) open, 0 open in all/);
    expect(x.code).toBe(0);
  });

  it('exit 0 while only warnings are open: the demo without its acceptances', async () => {
    const x = await demarc('report', '--check', '--bundle', bundleWith('open.demarc.json', { ...demo.deliverable, preflightAccepted: [] }));
    expect(x.stdout).toMatch(/warning +contradiction:support-plan +Interview > IRP-05/);
    // the demo's "no security partner" risk rests on a "Don't know" alone (its id shifts as the demo grows)
    const noPartner = demo.risks.find((r) => r.templateId === 'RT-TPR-NO-PARTNER')!.id;
    expect(x.stdout).toMatch(new RegExp(`warning +dont-know:${noPartner} `));
    expect(x.stdout).toMatch(/\n\d+ item\(s\): 0 blocker\(s\) open, [1-9]\d* open in all/);
    expect(x.code).toBe(0);
  });

  it('exit 1 with a final document missing its partner, 0 once the item is accepted; --json carries the acceptance', async () => {
    const final = { status: 'final' as const, version: '1.0', qaReviewer: 'Sam Review', sponsor: 'Marcus Lindqvist' };
    const x = await demarc('report', '--check', '--bundle', bundleWith('final.demarc.json', final));
    expect(x.code).toBe(1);
    expect(x.stdout).toMatch(/blocker +document-control:partner +Report > Settings > Engagement partner/);
    const accepted = { ...final, preflightAccepted: [{ itemId: 'document-control:partner', reason: 'the partner signs on paper' }] };
    const y = await demarc('report', '--check', '--json', '--bundle', bundleWith('accepted.demarc.json', accepted));
    expect(y.code).toBe(0);
    const result = JSON.parse(y.stdout) as { openBlockers: number; items: { id: string; accepted?: { reason: string } }[] };
    expect(result.openBlockers).toBe(0);
    expect(result.items.find((i) => i.id === 'document-control:partner')?.accepted).toEqual({ reason: 'the partner signs on paper' });
  });

  it('explicit flags win over the settings: --status final on a 0.9 draft is a blocker', async () => {
    const draft = bundleWith('draft.demarc.json', { status: 'draft', version: '0.9', partner: 'P', qaReviewer: 'Q', sponsor: 'S' });
    expect((await demarc('report', '--check', '--bundle', draft)).code).toBe(0);
    const x = await demarc('report', '--check', '--bundle', draft, '--status', 'final');
    expect(x.code).toBe(1);
    expect(x.stdout).toMatch(/blocker +version:status/);
    expect((await demarc('report', '--check', '--bundle', draft, '--status', 'final', '--version', '1.0')).code).toBe(0);
    expect((await demarc('report', '--check', '--demo', '--status', 'signed')).code).toBe(2);
  });

  it('the report warns in one line and prints the status, version and signatories in document control', async () => {
    const file = bundleWith('signed.demarc.json', { status: 'final', version: '1.0', partner: 'Jo Partner', qaReviewer: 'Sam Review', sponsor: 'Marcus Lindqvist' });
    const x = await demarc('report', '--bundle', file, '-o', 'signed.docx', '--no-lint');
    expect(x.code).toBe(0);
    expect(x.stderr.split('\n').filter((l) => l.startsWith('warning: the pre-flight check'))).toHaveLength(1);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'signed.docx')))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/1\.0 Final/);
    expect(text).toMatch(/Final: issued to the client/);
    expect(text).not.toMatch(/Draft for (client )?review/);
    for (const s of ['Jo Partner', 'Engagement partner (approves)', 'Sam Review', 'Quality reviewer', 'Marcus Lindqvist']) expect(text).toContain(s);
  }, 120_000);

  it('the report follows the bundle\'s IR plan setting unless --ir-plan says otherwise', async () => {
    const file = bundleWith('separate.demarc.json', { irPlan: 'separate', status: 'draft', version: '0.9' });
    expect((await demarc('report', '--bundle', file, '-o', 'sep.docx', '--no-lint')).code).toBe(0);
    expect(existsSync(join(dir, 'sep-ir-plan.docx'))).toBe(true);
    expect((await demarc('report', '--bundle', file, '-o', 'in.docx', '--no-lint', '--ir-plan', 'inline')).code).toBe(0);
    expect(existsSync(join(dir, 'in-ir-plan.docx'))).toBe(false);
  }, 120_000);
});
