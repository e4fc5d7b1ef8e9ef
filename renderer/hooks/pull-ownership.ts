import type { RefObject } from 'react';

/**
 * Whether an event of a pull in main belongs to the pull this window started. Events may
 * come before the start call answers with the pull's id (its `id` is still ''): the first
 * pull id seen is then ours. No pull started (null): nothing is ours.
 */
export function isOwnPull(pull: RefObject<{ id: string } | null>, pullId: string): boolean {
  const current = pull.current;
  if (!current) return false;
  if (current.id === '') current.id = pullId;
  return current.id === pullId;
}
