/**
 * Reads a report template folder (templates/<name>/) into `{path, text | bytes}` for the
 * pure template loader. Shared by the main process (the Report screen's "choose a template
 * folder") and the CLI. The folder is the user's, not ours, and may be the wrong one (a home
 * folder, a Downloads folder), so the walk is asynchronous (the main process keeps serving
 * the window), counts every entry it reads, stops at a depth, reads only regular files of
 * the known kinds, and says what it left out and why.
 */
import type { Dir } from 'node:fs';
import { lstat, opendir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TemplateFile } from '../core/report/template';

const TEXT = /\.(ya?ml|md|txt)$/i;
const KNOWN = /\.(ya?ml|md|txt|png|jpe?g|docx)$/i;

export interface TemplateFolderLimits {
  /** Directory entries read, of any kind (files, folders, links, hidden ones). */
  entries: number;
  /** Template files read. */
  files: number;
  /** Size of one file; a larger one is skipped. */
  fileBytes: number;
  /** Size of every file read together. */
  totalBytes: number;
  /** Folder levels below the template folder that are read (blocks/ is level 1). */
  depth: number;
}

/** A template has about twenty files in two levels; these leave room for images and notes. */
export const TEMPLATE_FOLDER_LIMITS: TemplateFolderLimits = {
  entries: 2_000,
  files: 300,
  fileBytes: 5 * 1024 * 1024,
  totalBytes: 30 * 1024 * 1024,
  depth: 4,
};

/** At most this many skipped entries are listed one by one; the rest are counted. */
const LISTED_SKIPS = 50;

/** Something in the folder that was not read, and why (shown to the user). */
export interface SkippedEntry {
  path: string;
  reason: string;
}

export interface TemplateFolderContents {
  files: TemplateFile[];
  skipped: SkippedEntry[];
}

export class TemplateFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateFolderError';
  }
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The state of one walk: what was read and skipped, and the counts the limits apply to. */
class FolderWalk {
  readonly files: TemplateFile[] = [];
  readonly skipped: SkippedEntry[] = [];
  private unlisted = 0;
  private entries = 0;
  private bytes = 0;

  constructor(
    private readonly root: string,
    private readonly limits: TemplateFolderLimits,
  ) {}

  async folder(relative: string, depth: number): Promise<void> {
    let dir: Dir;
    try {
      dir = await opendir(join(this.root, relative));
    } catch (error) {
      this.skip(`${relative}/`, `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    // Entries are read one at a time, so a folder of a million files costs `entries` reads, not a million.
    for await (const entry of dir) {
      this.entries += 1;
      if (this.entries > this.limits.entries) {
        throw new TemplateFolderError(
          `this folder holds more than ${this.limits.entries.toLocaleString('en')} files and folders; a report template has a few dozen. Choose the template's own folder.`,
        );
      }
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.')) this.skip(entry.isDirectory() ? `${path}/` : path, 'hidden');
      else if (entry.isDirectory()) await this.subfolder(path, depth + 1);
      else if (!entry.isFile()) this.skip(path, 'a link or special file; only regular files are read');
      else if (!KNOWN.test(entry.name)) this.skip(path, 'not a template file (.yaml, .md, .txt, .png, .jpg, .docx)');
      else await this.file(path);
    }
  }

  private async subfolder(path: string, depth: number): Promise<void> {
    if (depth > this.limits.depth) this.skip(`${path}/`, `more than ${this.limits.depth} folder levels deep; not read`);
    else await this.folder(path, depth);
  }

  private async file(path: string): Promise<void> {
    const full = join(this.root, path);
    const { size } = await lstat(full);
    if (size > this.limits.fileBytes) return this.skipTooBig(path, size);
    this.bytes += size;
    if (this.files.length >= this.limits.files || this.bytes > this.limits.totalBytes) {
      throw new TemplateFolderError(
        `the template folder is too large (at most ${this.limits.files} template files and ${megabytes(this.limits.totalBytes)} in all)`,
      );
    }
    const bytes = await readFile(full);
    // Checked again: the file may have grown after it was measured.
    if (bytes.length > this.limits.fileBytes) return this.skipTooBig(path, bytes.length);
    this.files.push(TEXT.test(path) ? { path, text: bytes.toString('utf8') } : { path, bytes: new Uint8Array(bytes) });
  }

  private skipTooBig(path: string, size: number): void {
    this.skip(path, `larger than the ${megabytes(this.limits.fileBytes)} limit for one file (${size.toLocaleString('en')} bytes)`);
  }

  private skip(path: string, reason: string): void {
    // Deep paths are shortened from the left: the end names the file.
    const shown = path.length > 300 ? `…${path.slice(-299)}` : path;
    if (this.skipped.length < LISTED_SKIPS) this.skipped.push({ path: shown, reason });
    else this.unlisted += 1;
  }

  /** The skipped list in path order, with a last line counting what was not listed one by one. */
  skippedList(): SkippedEntry[] {
    const listed = [...this.skipped].sort(byPath);
    return this.unlisted === 0 ? listed : [...listed, { path: '…', reason: `${this.unlisted} more entries skipped` }];
  }
}

/**
 * Reads a template folder within `limits`. Throws {@link TemplateFolderError} when the folder
 * is missing or over a limit that makes it unusable (too many entries, files or bytes); a
 * file that is merely too big, hidden, a link, of an unknown kind or too deep is skipped and
 * listed in `skipped` with the reason.
 */
export async function readTemplateFolder(dir: string, limits: TemplateFolderLimits = TEMPLATE_FOLDER_LIMITS): Promise<TemplateFolderContents> {
  const root = resolve(dir);
  // The chosen folder itself may be a link (the user picked it); nothing inside it is followed.
  const stats = await stat(root).catch(() => undefined);
  if (!stats?.isDirectory()) throw new TemplateFolderError(`template folder not found: ${dir}`);
  const walk = new FolderWalk(root, limits);
  await walk.folder('', 0);
  return { files: [...walk.files].sort(byPath), skipped: walk.skippedList() };
}
