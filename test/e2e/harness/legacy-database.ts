/**
 * Runs in a page of the app's origin before the app has ever opened its database (see
 * migrations.spec.ts): creates the `demarc` database at an OLD schema version with the same
 * Dexie declarations an earlier release made (the first versions of renderer/db/migrations.ts),
 * fills it with records of that era, and closes it, so the app then upgrades a real database.
 */
import { createDatabase, DATABASE_NAME } from '../../../renderer/db/database';
import { migrations } from '../../../renderer/db/migrations';

declare global {
  interface Window {
    __demarcCreateLegacyDatabase?: (version: number, tables: Record<string, unknown[]>) => Promise<number>;
  }
}

window.__demarcCreateLegacyDatabase = async (version, tables) => {
  const db = createDatabase(DATABASE_NAME, migrations.slice(0, version));
  await db.open();
  await db.transaction('rw', Object.keys(tables), async () => {
    for (const [name, rows] of Object.entries(tables)) await db.table(name).bulkAdd(rows);
  });
  const opened = db.verno;
  db.close();
  return opened;
};
