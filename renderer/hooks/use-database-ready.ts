import { useEffect, useState } from 'react';
import { database } from '../db/database';

export type DatabaseState = { status: 'opening' } | { status: 'ready' } | { status: 'failed'; message: string };

/**
 * Opens the database once and marks `#root[data-app-state]` as `loaded` (or `error`), the
 * readiness marker tests wait for instead of sleeping.
 */
export function useDatabaseReady(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });
  useEffect(() => {
    let cancelled = false;
    database()
      .open()
      .then(() => {
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
