import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, type ReactNode } from 'react';
import { getAssessment } from '../db/assessments-repository';
import type { AssessmentRecord } from '../db/database';
import { useUiStore } from '../stores/ui-store';

const OpenAssessmentContext = createContext<AssessmentRecord | null | undefined>(undefined);

/**
 * Reads the open assessment with one live query for the whole window. Every saved answer
 * updates the record (its cached progress); only the components that use it re-render.
 */
export function OpenAssessmentProvider({ children }: { children: ReactNode }) {
  const id = useUiStore((s) => s.openAssessmentId);
  const assessment = useLiveQuery(async () => {
    if (!id) return null;
    const record = await getAssessment(id);
    return record && !record.deletedAt ? record : null;
  }, [id]);
  return <OpenAssessmentContext.Provider value={assessment}>{children}</OpenAssessmentContext.Provider>;
}

/** The open assessment: undefined while loading, null when none is open (or it was deleted). Needs an OpenAssessmentProvider above. */
export function useOpenAssessment(): AssessmentRecord | null | undefined {
  return useContext(OpenAssessmentContext);
}
