/**
 * Size limits for files the consultant imports. A file's size is checked before a single
 * byte of it is read (a 2 GB file would otherwise be read whole into memory first), and
 * text that arrives without a file is measured in UTF-8 bytes, as on disk, not in characters.
 */

import { MAX_SAVE_BYTES } from '../../core/ipc/contract';

const MB = 1024 * 1024;

/** Largest assessment bundle imported: the largest main saves, so every export imports again. */
export const MAX_BUNDLE_BYTES = MAX_SAVE_BYTES;

/**
 * Largest inventory file imported. Half the bundle limit: the rows are stored as read and an
 * exported bundle carries them again (indented), so a larger inventory could not be exported.
 */
export const MAX_INVENTORY_BYTES = 100 * MB;

/** A file or text over its limit; the message names the file, its size and the limit. */
export class FileTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileTooLargeError';
  }
}

function megabytes(bytes: number): string {
  if (bytes < MB) return `${bytes.toLocaleString('en')} bytes`;
  const mb = bytes / MB;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.ceil(mb) : mb.toFixed(1)} MB`;
}

/** What the consultant reads when a file is too large, e.g. `the file is 250 MB; an assessment bundle may be at most 200 MB`. */
export function tooLargeMessage(what: string, bytes: number, maxBytes: number): string {
  return `the file is ${megabytes(bytes)}; ${what} may be at most ${megabytes(maxBytes)}`;
}

/** UTF-8 length of `text` without encoding it (a 200 MB copy is not needed to measure it). */
export function utf8ByteLength(text: string): number {
  // Each UTF-16 unit is at least one byte and at most three (a surrogate pair is four bytes).
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether `text` is over `maxBytes` in UTF-8, counting only when its length leaves a doubt. */
export function textExceeds(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8ByteLength(text) > maxBytes;
}

/**
 * Reads a file as text after checking its size in bytes (`Blob.size`), so an oversized file
 * is refused without being read. Throws {@link FileTooLargeError}.
 */
export async function readTextWithin(file: Blob, maxBytes: number, what: string): Promise<string> {
  if (file.size > maxBytes) throw new FileTooLargeError(tooLargeMessage(what, file.size, maxBytes));
  const text = await file.text();
  // The file may have grown between the check and the read.
  if (textExceeds(text, maxBytes)) throw new FileTooLargeError(tooLargeMessage(what, utf8ByteLength(text), maxBytes));
  return text;
}
