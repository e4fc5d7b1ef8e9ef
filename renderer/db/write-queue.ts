/**
 * Saves typing without losing a keystroke: each change is journaled synchronously
 * (journal.ts) and its write starts at once; while a write of the same key is running,
 * later changes collapse into one follow-up write of the latest value. A debounce timer
 * would lose the last word when the window closes before it fires.
 */
import { messageOf } from '../error-message';
import { useSaveStateStore } from '../stores/save-state-store';
import { executeCommand, type Command } from './commands';
import { journalDone, journalPut, pendingJournal } from './journal';

interface Slot {
  running: Promise<void>;
  next: { command: Command; seq: number } | null;
}

const slots = new Map<string, Slot>();


async function run(key: string, command: Command, seq: number): Promise<void> {
  const { began, ended } = useSaveStateStore.getState();
  // the command starts first, so its database requests go out before React re-renders the indicator
  const executing = executeCommand(command);
  began();
  try {
    await executing;
    journalDone(key, seq);
    ended(null);
  } catch (error) {
    // an invalid value is not retried at the next start
    journalDone(key, seq);
    ended(messageOf(error));
    throw error;
  } finally {
    const slot = slots.get(key);
    const next = slot?.next;
    if (slot && next) {
      slot.next = null;
      slot.running = run(key, next.command, next.seq).catch(() => undefined);
    } else slots.delete(key);
  }
}

/**
 * Journals a command and queues it; the promise settles when this command ran (rejecting
 * with its error) or, when a later command of the same key superseded it, when that one did.
 */
export function queueCommand(key: string, command: Command): Promise<void> {
  const seq = journalPut(key, command);
  const slot = slots.get(key);
  if (slot) {
    slot.next = { command, seq };
    return slot.running;
  }
  const fresh: Slot = { running: Promise.resolve(), next: null };
  slots.set(key, fresh);
  const first = run(key, command, seq);
  fresh.running = first.catch(() => undefined);
  return first;
}

/** Runs the commands an earlier session journaled but may not have stored. */
export async function replayJournal(): Promise<number> {
  const pending = pendingJournal();
  for (const { key, seq, command } of pending) {
    try {
      await executeCommand(command);
    } catch {
      // the record it edits is gone, or the value is invalid: nothing to recover
    }
    journalDone(key, seq);
  }
  return pending.length;
}
