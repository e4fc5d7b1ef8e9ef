/** LibreOffice and poppler for the PDF conversion tests: which are installed, and a promise-based runner. */
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
const has = (cmd: string, arg = '--version'): boolean => spawnSync(cmd, [arg], { stdio: 'ignore', timeout: 60_000 }).status === 0;
export const office = ['libreoffice', 'soffice'].find((c) => has(c));
export const poppler = has('pdftotext', '-v') && has('pdfinfo', '-v');
export const officeAvailable = Boolean(office) && poppler;

/** Converts `dir/name.docx` to `dir/name.pdf` with a private LibreOffice profile (conversions may run side by side). */
export async function toPdf(dir: string, name: string): Promise<string> {
  await run(office!, [`-env:UserInstallation=file://${join(dir, `profile-${name}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { timeout: 480_000 });
  return join(dir, `${name}.pdf`);
}
