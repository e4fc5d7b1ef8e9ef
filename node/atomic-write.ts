/**
 * The one way Demarc writes a file the user keeps (reports, registers, bundles, inventories,
 * the remembered sign-in): all or nothing. A crash, a full disk or a failed write never
 * leaves a half-written file in place of the old one, and nothing else can slip a file or a
 * symbolic link in under the temporary name (it is random and created exclusively).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Owner read/write only: reports and bundles name a client's weaknesses, and the same
 * function writes the remembered sign-in.
 */
const FILE_MODE = 0o600;

/** A name in the target's own folder (rename is atomic only within one file system). */
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(12).toString('hex')}.tmp`);
}

/**
 * Makes the rename itself durable. Windows cannot open a folder this way and some file
 * systems refuse to sync one; the file's own data is synced either way.
 */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `data` to `target`: a temporary file with a random name in the same folder,
 * created exclusively (`wx`, so an existing file or link there is never followed), written,
 * fsynced, renamed over `target`, then the folder fsynced. On any failure the temporary
 * file is removed and `target` is left as it was.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(target));
}
