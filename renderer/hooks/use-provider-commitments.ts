import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ContentPack } from '../../core/content/types';
import type { BusinessServiceRecord } from '../db/database';
import { listBusinessServices } from '../db/business-services-repository';
import { computeCommitments } from '../workers/commitments-client';
import type { CommitmentsView } from '../workers/commitments-protocol';

export type ProviderCommitmentsView = CommitmentsView;

/**
 * The provider commitments of the assessment's active inventory snapshot, computed in the
 * commitments worker when the screen opens and again whenever a business service changes;
 * the stored services themselves for the editor.
 */
export function useProviderCommitments(assessmentId: string, pack: ContentPack) {
  const services = useLiveQuery(() => listBusinessServices(assessmentId), [assessmentId]);
  const [view, setView] = useState<CommitmentsView | undefined>();
  const [error, setError] = useState<string | null>(null);
  // recompute when the services change, not on every render: their content is the key
  const servicesKey = services ? JSON.stringify(services) : null;
  useEffect(() => {
    if (!pack.commitments || servicesKey === null) return;
    let cancelled = false;
    computeCommitments(assessmentId)
      .then((v) => {
        if (cancelled) return;
        setView(v);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [assessmentId, pack, servicesKey]);
  return { view, error, services: services as BusinessServiceRecord[] | undefined };
}
