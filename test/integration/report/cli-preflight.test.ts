import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBundlePath } from '../../../cli/commands/report';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/io';
import type { AssessmentBundle } from '../../../core/bundle/schema';

const dir = mkdtempSync(join(tmpdir(), 'demarc-cli-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', env: {}, cwd: dir } as CliIo & { out: string; err: string };
  o.stdout = (t) => void (o.out += t);
  o.stderr = (t) => void (o.err += t);
  return o;
}

const demo = JSON.parse(readFileSync(demoBundlePath, 'utf8')) as AssessmentBundle;

/** Writes the demo with its deliverable settings replaced; returns the file name. */
function bundleWith(name: string, deliverable: AssessmentBundle['deliverable']): string {
  writeFileSync(join(dir, name), JSON.stringify({ ...demo, deliverable }));
  return name;
}

describe('demarc report --check', () => {
  it('lists the demo items as a table, exit 0 while only warnings are open', async () => {
    const x = io();
    const code = await main(['report', '--check', '--demo'], x);
    expect(x.out).toMatch(/^Status +Item +Where to fix +What/);
    expect(x.out).toMatch(/warning +contradiction:support-plan +Interview > IRP-05/);
    expect(x.out).toMatch(/warning +dont-know:R-044 /);
    expect(x.out).toMatch(/\n\d+ item\(s\): 0 blocker\(s\) open/);
    expect(code).toBe(0);
  });

  it('exit 1 with a final document missing its partner, 0 once the item is accepted; --json carries the acceptance', async () => {
    const final = { status: 'final' as const, version: '1.0', qaReviewer: 'Sam Review', sponsor: 'Marcus Lindqvist' };
    const x = io();
    expect(await main(['report', '--check', '--bundle', bundleWith('final.demarc.json', final)], x)).toBe(1);
    expect(x.out).toMatch(/blocker +document-control:partner +Report > Settings > Engagement partner/);
    const accepted = { ...final, preflightAccepted: [{ itemId: 'document-control:partner', reason: 'the partner signs on paper' }] };
    const y = io();
    expect(await main(['report', '--check', '--json', '--bundle', bundleWith('accepted.demarc.json', accepted)], y)).toBe(0);
    const result = JSON.parse(y.out) as { openBlockers: number; items: { id: string; accepted?: { reason: string } }[] };
    expect(result.openBlockers).toBe(0);
    expect(result.items.find((i) => i.id === 'document-control:partner')?.accepted).toEqual({ reason: 'the partner signs on paper' });
  });

  it('explicit flags win over the settings: --status final on a 0.9 draft is a blocker', async () => {
    const draft = bundleWith('draft.demarc.json', { status: 'draft', version: '0.9', partner: 'P', qaReviewer: 'Q', sponsor: 'S' });
    expect(await main(['report', '--check', '--bundle', draft], io())).toBe(0);
    const x = io();
    expect(await main(['report', '--check', '--bundle', draft, '--status', 'final'], x)).toBe(1);
    expect(x.out).toMatch(/blocker +version:status/);
    expect(await main(['report', '--check', '--bundle', draft, '--status', 'final', '--version', '1.0'], io())).toBe(0);
    expect(await main(['report', '--check', '--demo', '--status', 'signed'], io())).toBe(2);
  });

  it('the report warns in one line and prints the status, version and signatories in document control', async () => {
    const x = io();
    const file = bundleWith('signed.demarc.json', { status: 'final', version: '1.0', partner: 'Jo Partner', qaReviewer: 'Sam Review', sponsor: 'Marcus Lindqvist' });
    expect(await main(['report', '--bundle', file, '-o', 'signed.docx', '--no-lint'], x)).toBe(0);
    expect(x.err.split('\n').filter((l) => l.startsWith('warning: the pre-flight check'))).toHaveLength(1);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'signed.docx')))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/1\.0 Final/);
    expect(text).toMatch(/Final: issued to the client/);
    expect(text).not.toMatch(/Draft for (client )?review/);
    for (const s of ['Jo Partner', 'Engagement partner (approves)', 'Sam Review', 'Quality reviewer', 'Marcus Lindqvist']) expect(text).toContain(s);
  }, 120_000);
});
