/**
 * A write-ahead journal in localStorage. `localStorage.setItem` hands the value to the
 * browser synchronously, so a command journaled on a keystroke survives the window closing
 * before its IndexedDB transaction commits; the entry is removed once the transaction has.
 */
import type { Command } from './commands';

const PREFIX = 'demarc-journal:';

interface Entry {
  seq: number;
  command: Command;
}

let seq = Date.now();

/** Journals the latest command of a key; returns its sequence number. */
export function journalPut(key: string, command: Command): number {
  seq += 1;
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ seq, command } satisfies Entry));
  } catch {
    // storage full or unavailable: the IndexedDB write still runs
  }
  return seq;
}

/** Drops the entry once the command it holds (or a later one) is stored. */
export function journalDone(key: string, doneSeq: number): void {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return;
    const entry = JSON.parse(raw) as Entry;
    if (entry.seq <= doneSeq) localStorage.removeItem(PREFIX + key);
  } catch {
    localStorage.removeItem(PREFIX + key);
  }
}

/** Entries left by an earlier session, oldest first. */
export function pendingJournal(): { key: string; seq: number; command: Command }[] {
  const out: { key: string; seq: number; command: Command }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const name = localStorage.key(i);
    if (!name?.startsWith(PREFIX)) continue;
    try {
      const entry = JSON.parse(localStorage.getItem(name) ?? '') as Entry;
      if (entry && typeof entry.seq === 'number' && entry.command && typeof entry.command.kind === 'string') out.push({ key: name.slice(PREFIX.length), ...entry });
    } catch {
      localStorage.removeItem(name);
    }
  }
  return out.sort((a, b) => a.seq - b.seq);
}
