import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../node/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'demarc-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes bytes and text, replaces an existing file, and leaves no temporary file', async () => {
    const target = path.join(dir, 'report.docx');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    writeFileSync(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  it.skipIf(process.platform === 'win32')('makes the file readable by its owner only', async () => {
    const target = path.join(dir, 'bundle.demarc.json');
    await writeFileAtomic(target, '{}');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('removes the temporary file and keeps the target when the rename fails', async () => {
    // A non-empty folder where the file should go: the rename fails after the data was written.
    const target = path.join(dir, 'out.csv');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'x');
    await expect(writeFileAtomic(target, 'a,b\n')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });

  it('removes the temporary file and keeps the target when the write fails', async () => {
    const target = path.join(dir, 'register.xlsx');
    writeFileSync(target, 'previous');
    // Not bytes or text: the write throws after the temporary file was created.
    await expect(writeFileAtomic(target, 42 as unknown as string)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['register.xlsx']);
  });

  it('creates nothing when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.docx'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives concurrent writers to one target their own temporary files: one complete version wins', async () => {
    const target = path.join(dir, 'inventory.json');
    const versions = Array.from({ length: 20 }, (_, i) => JSON.stringify({ version: i, rows: 'x'.repeat(10_000 + i) }));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    expect(versions).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(dir)).toEqual(['inventory.json']);
  });
});
