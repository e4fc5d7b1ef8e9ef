/** The commitments of one assessment, read from IndexedDB: run in the commitments worker (and by tests). */
import { resourceGroupKey } from '../../core/bundle/business-services';
import { estateCommitments } from '../../core/commitments/estate';
import type { ContentPack } from '../../core/content/types';
import { normaliseRows, serviceModelLookup, type Resource } from '../../core/inventory/normalise';
import type { DemarcDatabase } from '../db/database';
import { activeSnapshot, snapshotRows } from '../db/inventory-repository';
import type { CommitmentsView } from './commitments-protocol';

function pickable(resources: readonly Resource[]): Pick<CommitmentsView, 'resources' | 'groups'> {
  const groups = new Map<string, string>();
  const list = resources.map((r) => {
    const group = resourceGroupKey(r.subscriptionId, r.resourceGroup);
    if (!groups.has(group)) groups.set(group, r.resourceGroup);
    return { id: r.id, name: r.name, type: r.type, group };
  });
  return { resources: list, groups: [...groups].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)) };
}

/**
 * The active snapshot's resources, each one's commitment, and the workloads: the stored
 * business services (else Demarc's suggestions), each against its own tolerance.
 */
export async function commitmentsView(db: DemarcDatabase, pack: ContentPack, assessmentId: string): Promise<CommitmentsView> {
  const started = performance.now();
  const data = pack.commitments;
  if (!data) throw new Error('The content pack has no provider commitments.');
  const { snapshot, rows, criticality, otherClouds, services } = await db.transaction('r', [db.snapshots, db.resourceChunks, db.answers, db.businessServices], async () => {
    const snapshot = await activeSnapshot(db, assessmentId);
    return {
      snapshot,
      rows: snapshot ? await snapshotRows(db, snapshot.id) : [],
      criticality: (await db.answers.get([assessmentId, data.tolerance.question]))?.choices[0] ?? null,
      otherClouds: (await db.answers.get([assessmentId, 'SCOPE-OTHER-CLOUDS']))?.choices ?? [],
      services: await db.businessServices.where('assessmentId').equals(assessmentId).sortBy('order'),
    };
  });
  const resources = normaliseRows(rows, serviceModelLookup(pack.serviceModels));
  const estate = estateCommitments({ data, resources, services: services.map(({ assessmentId: _a, order: _o, ...s }) => s), scopeCriticality: criticality ?? undefined });
  return {
    ...estate,
    snapshotName: snapshot ? snapshot.label : null,
    criticality,
    otherClouds,
    ...pickable(resources),
    milliseconds: Math.round(performance.now() - started),
  };
}
