import { useEffect, useState } from 'react';
import { resourceCommitments, compositeOf, type CompositeCommitment, type ResourceCommitment } from '../../core/commitments/resource-commitments';
import { evaluateWorkload, suggestWorkloads, toleranceFor, type WorkloadEvaluation } from '../../core/commitments/workload';
import type { ContentPack } from '../../core/content/types';
import { normaliseRows, serviceModelLookup } from '../../core/inventory/normalise';
import { database } from '../db/database';
import { activeSnapshot, snapshotRows } from '../db/inventory-repository';

/** What the Provider commitments screen shows for one assessment. */
export interface ProviderCommitmentsView {
  snapshotName: string | null;
  commitments: ResourceCommitment[];
  composite: CompositeCommitment;
  workloads: WorkloadEvaluation[];
  /** the scoping answer the tolerance was read from, if answered */
  criticality: string | null;
  /** SCOPE-OTHER-CLOUDS choices: the other providers in scope */
  otherClouds: string[];
}

async function loadView(assessmentId: string, pack: ContentPack): Promise<ProviderCommitmentsView> {
  const db = database();
  const snapshot = await activeSnapshot(db, assessmentId);
  const criticalityAnswer = await db.answers.get([assessmentId, pack.commitments!.tolerance.question]);
  const criticality = criticalityAnswer?.choices[0] ?? null;
  const otherClouds = (await db.answers.get([assessmentId, 'SCOPE-OTHER-CLOUDS']))?.choices ?? [];
  const rows = snapshot ? await snapshotRows(db, snapshot.id) : [];
  const resources = normaliseRows(rows, serviceModelLookup(pack.serviceModels));
  const commitments = resourceCommitments(resources, pack.commitments!.sla);
  const tolerance = toleranceFor(pack.commitments!.tolerance, criticality ?? undefined);
  const workloads = suggestWorkloads(resources, commitments).map((w) => evaluateWorkload(w, commitments, pack.commitments!.sla, tolerance));
  return { snapshotName: snapshot ? snapshot.label : null, commitments, composite: compositeOf(commitments), workloads, criticality, otherClouds };
}

/**
 * The provider commitments of the assessment's active inventory snapshot: each resource's SLA
 * tier, the suggested workloads against the client's tolerance. Computed when the screen opens.
 */
export function useProviderCommitments(assessmentId: string, pack: ContentPack) {
  const [view, setView] = useState<ProviderCommitmentsView | undefined>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!pack.commitments) return;
    let cancelled = false;
    loadView(assessmentId, pack)
      .then((v) => !cancelled && setView(v))
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [assessmentId, pack]);
  return { view, error };
}
