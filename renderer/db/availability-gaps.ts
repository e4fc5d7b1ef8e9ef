/** The tolerance gaps of an assessment's workloads, for the register refresh (risks-repository.ts). */
import type { ContentPack } from '../../core/content/types';
import type { Answers } from '../../core/interview/answers';
import { normaliseRows, serviceModelLookup, type Resource } from '../../core/inventory/normalise';
import { estateAvailabilityGaps, type AvailabilityGap } from '../../core/risks/availability-gaps';
import type { BusinessServiceRecord, DemarcDatabase } from './database';
import { readRawChunks } from './inventory-repository';

// A snapshot never changes once written: its resources are normalised once per session, not per refresh.
let resourceCache: { snapshotId: string; resources: Promise<Resource[]> } | undefined;

function snapshotResources(db: DemarcDatabase, snapshotId: string, pack: ContentPack): Promise<Resource[]> {
  if (resourceCache?.snapshotId !== snapshotId) {
    const resources = readRawChunks(db, snapshotId).then((chunks) => normaliseRows(chunks.flatMap((c) => c.rows), serviceModelLookup(pack.serviceModels)));
    resourceCache = { snapshotId, resources };
    resources.catch(() => (resourceCache = undefined));
  }
  return resourceCache.resources;
}

/** The workloads short of their tolerance: the stored business services, else the suggestions (core/risks/availability-gaps.ts). */
export async function assessmentAvailabilityGaps(
  db: DemarcDatabase,
  snapshotId: string | undefined,
  services: readonly BusinessServiceRecord[],
  answers: Answers,
  pack: ContentPack,
): Promise<AvailabilityGap[]> {
  if (!snapshotId || !pack.commitments) return [];
  const resources = await snapshotResources(db, snapshotId, pack);
  return estateAvailabilityGaps(
    pack,
    resources,
    services.map(({ assessmentId: _a, order: _o, ...s }) => s),
    answers,
  );
}
