import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, checkMigrations, migrations } from '../../../../renderer/db/migrations';

describe('Dexie migrations', () => {
  it('form the sequence 1, 2, … with version 1 holding assessments', () => {
    expect(() => checkMigrations(migrations)).not.toThrow();
    expect(migrations[0]?.version).toBe(1);
    expect(migrations[0]?.stores.assessments).toMatch(/^id,/);
    expect(CURRENT_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('reject gaps and reordering', () => {
    expect(() => checkMigrations([{ version: 2, stores: {}, description: 'x' }])).toThrow(/versions must be 1, 2, 3/);
    expect(() =>
      checkMigrations([
        { version: 1, stores: {}, description: 'a' },
        { version: 3, stores: {}, description: 'b' },
      ]),
    ).toThrow();
  });
});
