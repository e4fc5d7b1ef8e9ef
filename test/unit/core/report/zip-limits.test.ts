/**
 * A template's reference document is unpacked within limits: a zip bomb (a small package
 * that inflates to far more than any styles.xml) and a package with thousands of entries are
 * refused with a clear message, in the report build and in `demarc template check`.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultTemplateDir, readTemplateDir } from '../../../../cli/commands/template-check';
import { referenceStyles } from '../../../../core/report/build';
import { checkTemplate } from '../../../../core/report/template-check';
import type { TemplateFile } from '../../../../core/report/template';
import { openLimitedZip, ZIP_LIMITS, ZipLimitError } from '../../../../core/report/zip-limits';

const STYLES_HEAD = '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Normal"/>';

/** A .docx-shaped zip whose styles.xml inflates to `inflatedBytes` (whitespace compresses ~1000:1). */
async function bomb(inflatedBytes: number): Promise<Uint8Array> {
  const padding = new Uint8Array(inflatedBytes).fill(0x20);
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/styles.xml', new Blob([STYLES_HEAD, padding, '</w:styles>']).arrayBuffer());
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function manyEntries(count: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/styles.xml', `${STYLES_HEAD}</w:styles>`);
  for (let i = 0; i < count; i++) zip.file(`word/media/x${i}.bin`, '');
  return zip.generateAsync({ type: 'uint8array' });
}

describe('reference document limits', () => {
  it('refuses a zip bomb before holding it in memory', async () => {
    const bytes = await bomb(ZIP_LIMITS.entryBytes + 1024 * 1024);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const error = await referenceStyles(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipLimitError);
    expect((error as Error).message).toBe(
      'the reference document: word/styles.xml unpacks to more than 8 MB (the limit for one part); the file may be a zip bomb',
    );
  });

  it('refuses a package with too many entries', async () => {
    await expect(referenceStyles(await manyEntries(ZIP_LIMITS.entries + 1))).rejects.toThrow(
      /^the reference document has 20\d\d entries; a Word document has far fewer \(at most 2000 are read\)$/,
    );
  });

  it('caps what all reads of one package inflate together, and the package size', async () => {
    const zip = new JSZip();
    zip.file('a.xml', 'a'.repeat(800));
    zip.file('b.xml', 'b'.repeat(800));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const limits = { packageBytes: 10_000, entries: 10, entryBytes: 1000, totalBytes: 1500 };
    const pkg = await openLimitedZip(bytes, 'test.docx', limits);
    expect(await pkg.readText('a.xml')).toBe('a'.repeat(800));
    await expect(pkg.readText('b.xml')).rejects.toThrow('test.docx unpacks to more than 1.5 KB in all');
    await expect(openLimitedZip(bytes, 'test.docx', { ...limits, packageBytes: 100 })).rejects.toBeInstanceOf(ZipLimitError);
  });

  it('still reads an ordinary reference document', async () => {
    const zip = new JSZip();
    zip.file('word/styles.xml', `${STYLES_HEAD}</w:styles>`);
    expect(await referenceStyles(await zip.generateAsync({ type: 'uint8array' }))).toContain('w:styleId="Normal"');
  });

  it('template check lists the bomb as a problem of the reference document', async () => {
    const files: TemplateFile[] = (await readTemplateDir(defaultTemplateDir)).files.map((f) =>
      f.path === 'template.yaml' ? { path: f.path, text: `${f.text}\nreferenceDocx: reference.docx\n` } : f,
    );
    files.push({ path: 'reference.docx', bytes: await bomb(ZIP_LIMITS.entryBytes + 1024 * 1024) });
    const problems = await checkTemplate(files);
    expect(problems).toEqual([{ file: 'reference.docx', message: expect.stringMatching(/word\/styles\.xml unpacks to more than 8 MB .* zip bomb$/) }]);
  });
});
