import { useCallback, useEffect, useRef, useState } from 'react';
import type { Command } from '../db/commands';
import { queueCommand } from '../db/write-queue';

/**
 * A text (or other) value edited locally and written through the write queue on every
 * change. The local copy follows the stored value until the user types; then the user's
 * text wins (the store catches up a moment later).
 */
export function useQueuedField<T>(key: string, stored: T, toCommand: (value: T) => Command): [T, (value: T) => void, string | null] {
  const [local, setLocal] = useState<{ key: string; value: T; dirty: boolean }>({ key, value: stored, dirty: false });
  const [error, setError] = useState<string | null>(null);
  const commandRef = useRef(toCommand);
  useEffect(() => {
    commandRef.current = toCommand;
  });
  const current = local.key === key && local.dirty ? local.value : stored;
  const change = useCallback(
    (value: T) => {
      setLocal({ key, value, dirty: true });
      queueCommand(key, commandRef.current(value))
        .then(() => setError(null))
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    },
    [key],
  );
  return [current, change, error];
}
