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
  {
    version: 2,
    description: 'The workshop: engagement fields, answers, inventory snapshots (indexed rows + raw chunks), findings, risks, IR contacts.',
    stores: {
      assessments: 'id, updatedAt, name, client, deletedAt',
      answers: '[assessmentId+questionId], assessmentId',
      snapshots: 'id, assessmentId, takenAt',
      resources: '[snapshotId+key], [snapshotId+type], [snapshotId+subscriptionId], [snapshotId+serviceModel]',
      resourceChunks: '[snapshotId+chunk]',
      findings: '[snapshotId+checkId+resourceKey], [snapshotId+resourceKey], [snapshotId+status+checkId]',
      risks: '[assessmentId+id], assessmentId',
      contacts: 'id, assessmentId',
      incidentSetup: 'assessmentId',
    },
    upgrade: async (tx) => {
      // Version 1 rows lack the engagement and content-version fields; 'complete' became 'final'.
      await tx
        .table('assessments')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.status === 'complete') row.status = 'final';
          row.packId ??= 'azure-m365';
          row.packVersion ??= '1.0.0';
          row.matrixId ??= 'jan-2026';
          row.matrixVersion ??= '2026-01-12';
          row.riskMatrixId ??= 'iso27005-5x5';
          row.riskMatrixVersion ??= '1.0.0';
          row.engagement ??= { engagementId: '', consultants: [], startDate: '', endDate: '', attendees: [], preamble: '', classification: 'Confidential' };
          row.subscriptions ??= [];
          row.progress ??= { answered: 0, total: 0 };
          row.deletedAt ??= null;
        });
    },
  },
  {
    version: 3,
    description: 'Risk rows: the small projection of each risk the register reads (5,000 full risks are slow to read).',
    stores: {
      riskRows: '[assessmentId+id], assessmentId',
    },
    upgrade: async (tx) => {
      const rows = (await tx.table('risks').toArray()).map((r: Record<string, unknown>) => ({
        assessmentId: r.assessmentId,
        id: r.id,
        templateId: r.templateId,
        title: r.title,
        category: r.category,
        area: r.area,
        serviceModels: r.serviceModels,
        effectiveOwner: r.effectiveOwner,
        ownerOverridden: r.ownerOverride !== null && r.ownerOverride !== undefined,
        likelihood: r.likelihood,
        impact: r.impact,
        inherentLevel: r.inherentLevel,
        residual: r.residual ?? null,
        treatment: r.treatment ?? null,
        status: r.status,
        origin: r.origin,
        verification: r.verification ?? null,
      }));
      await tx.table('riskRows').bulkPut(rows);
    },
  },
  {
    version: 4,
    description: 'Inventory stored column-wise in chunks (resource index + raw rows + findings per 500 resources): one record per resource stored too slowly.',
    stores: {
      resources: null,
      findings: null,
      resourceIndex: '[snapshotId+chunk]',
      findingChunks: '[snapshotId+chunk]',
    },
  },
  {
    version: 5,
    description: 'The deliverable: business services (workloads) with their resources, provider-commitment worksheets, report settings and sign-off.',
    stores: {
      businessServices: 'id, assessmentId',
      providerWorksheets: '[assessmentId+provider], assessmentId',
      deliverableSettings: 'assessmentId',
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
