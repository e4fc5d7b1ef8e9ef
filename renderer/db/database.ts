/**
 * The renderer's database: Dexie over IndexedDB, the source of truth for everything the
 * consultant enters. Opened once; schema comes from `migrations.ts`.
 */
import Dexie, { type EntityTable } from 'dexie';
import { checkMigrations, migrations, type Migration } from './migrations';

export type AssessmentStatus = 'draft' | 'in-progress' | 'complete';

export interface AssessmentRecord {
  id: string;
  name: string;
  client: string;
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
}

export type DemarcDatabase = Dexie & {
  assessments: EntityTable<AssessmentRecord, 'id'>;
};

export const DATABASE_NAME = 'demarc';

export function createDatabase(name = DATABASE_NAME, list: readonly Migration[] = migrations): DemarcDatabase {
  checkMigrations(list);
  const db = new Dexie(name) as DemarcDatabase;
  for (const migration of list) {
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
  return db;
}

let shared: DemarcDatabase | undefined;

/** The app's database (created on first use). */
export function database(): DemarcDatabase {
  shared ??= createDatabase();
  return shared;
}
