import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../node/read-pack-files';
import { TEMPLATE_FOLDER_LIMITS, TemplateFolderError, readTemplateFolder } from '../../../node/template-folder';

const defaultTemplate = path.join(repoRoot, 'templates', 'default');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'demarc-template-folder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readTemplateFolder', () => {
  it('reads the default template, text as text and images as bytes, in path order, skipping nothing', async () => {
    const { files, skipped } = await readTemplateFolder(defaultTemplate);
    expect(skipped).toEqual([]);
    expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
    expect(files.find((f) => f.path === 'template.yaml')?.text).toMatch(/^# Default Demarc report template/);
    expect(files.find((f) => f.path === 'logo.png')?.bytes?.slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });

  it('counts every entry it reads, not only template files: a folder with too many is refused', async () => {
    // Files of no template kind: the old walk never counted them and listed the whole folder.
    for (let i = 0; i <= TEMPLATE_FOLDER_LIMITS.entries; i++) writeFileSync(path.join(dir, `photo-${i}.heic`), '');
    const error = await readTemplateFolder(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateFolderError);
    expect((error as Error).message).toBe(
      "this folder holds more than 2,000 files and folders; a report template has a few dozen. Choose the template's own folder.",
    );
  });

  it('says which file it skipped for its size, and reads the rest', async () => {
    cpSync(defaultTemplate, dir, { recursive: true });
    writeFileSync(path.join(dir, 'cover.png'), Buffer.alloc(TEMPLATE_FOLDER_LIMITS.fileBytes + 1));
    const { files, skipped } = await readTemplateFolder(dir);
    expect(skipped).toEqual([{ path: 'cover.png', reason: 'larger than the 5 MB limit for one file (5,242,881 bytes)' }]);
    expect(files.some((f) => f.path === 'template.yaml')).toBe(true);
    expect(files.some((f) => f.path === 'cover.png')).toBe(false);
  });

  it('lists hidden entries, links, unknown kinds and folders too deep, with the reason', async () => {
    writeFileSync(path.join(dir, 'template.yaml'), 'name: x\n');
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.git', 'config'), '');
    symlinkSync('/etc/hostname', path.join(dir, 'notes.md'));
    writeFileSync(path.join(dir, 'brand.pdf'), '%PDF');
    const deep = path.join(dir, 'a', 'b', 'c', 'd', 'e');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(dir, 'a', 'b', 'c', 'd', 'kept.md'), 'level 4');
    writeFileSync(path.join(deep, 'lost.md'), 'level 5');
    const { files, skipped } = await readTemplateFolder(dir);
    expect(files.map((f) => f.path)).toEqual(['a/b/c/d/kept.md', 'template.yaml']);
    expect(skipped).toEqual([
      { path: '.git/', reason: 'hidden' },
      { path: 'a/b/c/d/e/', reason: 'more than 4 folder levels deep; not read' },
      { path: 'brand.pdf', reason: 'not a template file (.yaml, .md, .txt, .png, .jpg, .docx)' },
      { path: 'notes.md', reason: 'a link or special file; only regular files are read' },
    ]);
  });

  it('lists at most 50 skipped entries and counts the rest', async () => {
    for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, `scan-${String(i).padStart(2, '0')}.tiff`), '');
    const { skipped } = await readTemplateFolder(dir);
    expect(skipped).toHaveLength(51);
    expect(skipped.at(-1)).toEqual({ path: '…', reason: '10 more entries skipped' });
  });

  it('refuses a missing folder and a folder over the file-count limit', async () => {
    await expect(readTemplateFolder(path.join(dir, 'nope'))).rejects.toThrow(/template folder not found/);
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, `b${i}.md`), 'x');
    await expect(readTemplateFolder(dir, { ...TEMPLATE_FOLDER_LIMITS, files: 3 })).rejects.toThrow(/too large \(at most 3 template files/);
  });

  it('lets the event loop run while it walks (the main process keeps serving the window)', async () => {
    cpSync(defaultTemplate, dir, { recursive: true });
    let turns = 0;
    let walking = true;
    const count = (): void => {
      turns += 1;
      if (walking) setImmediate(count);
    };
    setImmediate(count);
    await readTemplateFolder(dir);
    walking = false;
    expect(turns).toBeGreaterThan(0);
  });
});
