/** The "Saving… / Saved" indicator: how many writes are queued or running, and the last error. */
import { create } from 'zustand';

interface SaveState {
  pending: number;
  lastSavedAt: string | null;
  error: string | null;
  began: () => void;
  ended: (error: string | null) => void;
}

export const useSaveStateStore = create<SaveState>()((set) => ({
  pending: 0,
  lastSavedAt: null,
  error: null,
  began: () => set((s) => ({ pending: s.pending + 1 })),
  ended: (error) =>
    set((s) => ({ pending: Math.max(0, s.pending - 1), error, lastSavedAt: error ? s.lastSavedAt : new Date().toISOString() })),
}));
