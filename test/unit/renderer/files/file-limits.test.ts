/**
 * Import size limits: a file is refused by its size in bytes before it is read, and text
 * that arrives without a file is measured in UTF-8 bytes, not characters.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultPackDir, readPackFiles } from '../../../../node/read-pack-files';
import { loadPack } from '../../../../core/content/loader';
import type { ContentPack } from '../../../../core/content/types';
import { importBundleFile } from '../../../../renderer/bundle/bundle-store';
import { validateBundleText } from '../../../../renderer/bundle/validate-bundle';
import { FileTooLargeError, MAX_BUNDLE_BYTES, MAX_INVENTORY_BYTES, readTextWithin, utf8ByteLength } from '../../../../renderer/files/file-limits';
import { importInventoryFile } from '../../../../renderer/workers/inventory-work';

let pack: ContentPack;
beforeAll(() => {
  pack = loadPack(readPackFiles(defaultPackDir)).pack;
});

/** A real File that claims `size` bytes and records any attempt to read it. */
function oversizedFile(name: string, size: number) {
  const file = new File(['{}'], name, { type: 'application/json' });
  Object.defineProperty(file, 'size', { value: size });
  const reads = [vi.spyOn(file, 'text'), vi.spyOn(file, 'arrayBuffer'), vi.spyOn(file, 'stream'), vi.spyOn(file, 'bytes')];
  return { file, reads };
}

describe('readTextWithin', () => {
  it('refuses a file over the limit without reading it, naming the limit', async () => {
    const { file, reads } = oversizedFile('big.demarc.json', MAX_BUNDLE_BYTES + 1);
    const error = await importBundleFile(file, pack).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as Error).message).toBe('the file is 201 MB; an assessment bundle may be at most 200 MB');
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });

  it('counts bytes, not characters', async () => {
    const accented = new File(['é'.repeat(6)], 'a.json');
    expect(accented.size).toBe(12);
    await expect(readTextWithin(accented, 10, 'an inventory file')).rejects.toThrow('the file is 12 bytes; an inventory file may be at most 10 bytes');
    await expect(readTextWithin(accented, 12, 'an inventory file')).resolves.toBe('é'.repeat(6));
  });
});

describe('text without a file', () => {
  it('a bundle text is measured in UTF-8 bytes', () => {
    const text = JSON.stringify({ format: 'é'.repeat(20) });
    expect(text.length).toBeLessThanOrEqual(40);
    const result = validateBundleText(text, pack, 40);
    expect(result).toEqual({ ok: false, errors: [{ path: '(root)', message: 'the file is 53 bytes; an assessment bundle may be at most 40 bytes' }] });
  });

  it('an inventory text under the limit in characters but over it in bytes is refused before parsing', async () => {
    const text = 'é'.repeat(MAX_INVENTORY_BYTES / 2 + 1);
    const task = { assessmentId: 'a', matrixId: 'm', text, fileName: 'big.csv' };
    // The size is checked before the database is touched.
    await expect(importInventoryFile(null as never, pack, task, () => undefined)).rejects.toThrow(
      'the file is 101 MB; an inventory file may be at most 100 MB',
    );
  });

  it('utf8ByteLength agrees with TextEncoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});
