/**
 * The Dexie schema history. Each entry is one IndexedDB version: its store definitions
 * and an optional upgrade that rewrites existing rows. Versions only ever get appended —
 * an installed app may open a database created by any earlier release.
 */
import type { Transaction } from 'dexie';

export interface Migration {
  version: number;
  /** Dexie `stores()` spec: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
  description: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'Assessments.',
    stores: {
      assessments: 'id, updatedAt, name, client',
    },
  },
];

/** Throws when the list is not a strictly ascending sequence starting at 1. */
export function checkMigrations(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${index} has version ${migration.version}; versions must be 1, 2, 3, … in order.`);
    }
  });
}

export const CURRENT_SCHEMA_VERSION = migrations.length;
