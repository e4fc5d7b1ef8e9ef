import { useEffect, useState } from 'react';
import { purgeDeleted } from '../db/assessments-repository';
import { database } from '../db/database';
import { replayJournal } from '../db/write-queue';

let opening: Promise<void> | undefined;

/** Opens the database and erases what was deleted in an earlier session (once per page load). */
function openOnce(): Promise<void> {
  opening ??= database()
    .open()
    .then(() => replayJournal())
    .then(() => purgeDeleted());
  return opening;
}

export type DatabaseState = { status: 'opening' } | { status: 'ready' } | { status: 'failed'; message: string };

/**
 * Opens the database once and marks `#root[data-app-state]` as `loaded` (or `error`), the
 * readiness marker tests wait for instead of sleeping.
 */
export function useDatabaseReady(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });
  useEffect(() => {
    let cancelled = false;
    openOnce().then(() => {
        if (cancelled) return;
        setState({ status: 'ready' });
        document.getElementById('root')?.setAttribute('data-app-state', 'loaded');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ status: 'failed', message });
        document.getElementById('root')?.setAttribute('data-app-state', 'error');
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
