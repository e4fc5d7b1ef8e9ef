import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ContentPack } from '../../core/content/types';
import type { AssessmentRecord } from '../db/database';
import { listRiskRows, refreshRisks } from '../db/risks-repository';

/**
 * The register of an assessment, re-derived from the answers and the active snapshot when
 * a register screen opens (and when the matrix changes), then read live from Dexie.
 */
export function useRiskRegister(assessment: AssessmentRecord, pack: ContentPack) {
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const [refreshed, setRefreshed] = useState<string | null>(null);
  const refreshKey = `${assessment.id}:${assessment.matrixId}`;
  useEffect(() => {
    let cancelled = false;
    refreshRisks(assessment.id, pack)
      .then(() => !cancelled && setRefreshed(refreshKey))
      .catch((e: unknown) => !cancelled && setRefreshError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [assessment.id, refreshKey, pack]);
  const risks = useLiveQuery(() => listRiskRows(assessment.id), [assessment.id]);
  return { risks, ready: refreshed === refreshKey && risks !== undefined, refreshError };
}
