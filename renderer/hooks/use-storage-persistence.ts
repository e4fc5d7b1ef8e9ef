import { useEffect, useState } from 'react';

export interface StoragePersistence {
  /** null while unknown; false when the browser may evict the data under storage pressure. */
  persisted: boolean | null;
  supported: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

let request: Promise<boolean> | undefined;

/**
 * Asks once per session for persistent storage (so IndexedDB is not evicted under storage
 * pressure) and reports the state for the Settings screen.
 */
export function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return Promise.resolve(false);
  request ??= navigator.storage
    .persisted()
    .then((already) => (already ? true : navigator.storage.persist()))
    .catch(() => false);
  return request;
}

export function useStoragePersistence(): StoragePersistence {
  const supported = typeof navigator !== 'undefined' && Boolean(navigator.storage?.persist);
  const [state, setState] = useState<StoragePersistence>({ persisted: null, supported, usageBytes: null, quotaBytes: null });

  useEffect(() => {
    if (!supported) return;
    let cancelled = false;
    void (async () => {
      const persisted = await requestPersistentStorage();
      const estimate = await navigator.storage.estimate().catch(() => undefined);
      if (!cancelled) {
        setState({ persisted, supported, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [supported]);

  return state;
}
