/**
 * Reading parts of a Word package someone else made (a template's reference document) with
 * limits. A .docx is a zip, and a few kilobytes of zip can inflate to gigabytes: without a
 * cap the report worker or `demarc template check` would try to hold all of it in memory.
 * The package size and the number of entries are checked before anything is inflated, and
 * each part is inflated as a stream that stops at the first byte over its limit.
 */
import JSZip from 'jszip';

export interface ZipLimits {
  /** Size of the package itself. */
  packageBytes: number;
  /** Entries in its central directory (files and folders). */
  entries: number;
  /** Inflated size of any one part read. */
  entryBytes: number;
  /** Inflated size of every part read from the package together. */
  totalBytes: number;
}

/**
 * Word's own documents stay far below these: a styles.xml is tens to hundreds of kilobytes
 * and a package has dozens of entries.
 */
export const ZIP_LIMITS: ZipLimits = {
  packageBytes: 20 * 1024 * 1024,
  entries: 2_000,
  entryBytes: 8 * 1024 * 1024,
  totalBytes: 32 * 1024 * 1024,
};

/** A package over one of the {@link ZipLimits}; the message names the package and the limit. */
export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

/** The part of JSZip's (untyped) stream helper used here: chunks as they are inflated. */
interface InflateStream {
  on(event: 'data', callback: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', callback: (error: Error) => void): InflateStream;
  on(event: 'end', callback: () => void): InflateStream;
  resume(): InflateStream;
  pause(): InflateStream;
}

/** An opened package whose parts are read within the limits. */
export interface LimitedZip {
  /** Entry names (folders included). */
  names: string[];
  /** A part as UTF-8 text, or undefined when the package has no such part. */
  readText(name: string): Promise<string | undefined>;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;
const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${oneDecimal(bytes / 1024 / 1024)} MB` : bytes >= 1024 ? `${oneDecimal(bytes / 1024)} KB` : `${bytes} bytes`;

/** Opens `bytes` as a zip after checking its size, then its entry count; `label` names it in errors. */
export async function openLimitedZip(bytes: Uint8Array, label: string, limits: ZipLimits = ZIP_LIMITS): Promise<LimitedZip> {
  if (bytes.length > limits.packageBytes) throw new ZipLimitError(`${label} is ${size(bytes.length)}; at most ${size(limits.packageBytes)} is read`);
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  if (names.length > limits.entries) throw new ZipLimitError(`${label} has ${names.length} entries; a Word document has far fewer (at most ${limits.entries} are read)`);
  const budget = { inflated: 0 };
  return { names, readText: (name) => readTextWithin(zip, name, label, limits, budget) };
}

function readTextWithin(zip: JSZip, name: string, label: string, limits: ZipLimits, budget: { inflated: number }): Promise<string | undefined> {
  const entry = zip.file(name);
  if (!entry) return Promise.resolve(undefined);
  // `internalStream` is JSZip's public-but-untyped streaming API (`async` is built on it).
  const stream = (entry as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream('uint8array');
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder('utf-8');
    let text = '';
    let entryBytes = 0;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk) => {
        if (settled) return;
        entryBytes += chunk.length;
        budget.inflated += chunk.length;
        if (entryBytes > limits.entryBytes)
          return fail(new ZipLimitError(`${label}: ${name} unpacks to more than ${size(limits.entryBytes)} (the limit for one part); the file may be a zip bomb`));
        if (budget.inflated > limits.totalBytes)
          return fail(new ZipLimitError(`${label} unpacks to more than ${size(limits.totalBytes)} in all (the limit for one package); the file may be a zip bomb`));
        text += decoder.decode(chunk, { stream: true });
      })
      .on('error', fail)
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(text + decoder.decode());
      })
      .resume();
  });
}
