import { useLiveQuery } from 'dexie-react-hooks';
import { getAssessment } from '../db/assessments-repository';
import type { AssessmentRecord } from '../db/database';
import { useUiStore } from '../stores/ui-store';

/** The open assessment: undefined while loading, null when none is open (or it was deleted). */
export function useOpenAssessment(): AssessmentRecord | null | undefined {
  const id = useUiStore((s) => s.openAssessmentId);
  return useLiveQuery(async () => {
    if (!id) return null;
    const record = await getAssessment(id);
    return record && !record.deletedAt ? record : null;
  }, [id]);
}
