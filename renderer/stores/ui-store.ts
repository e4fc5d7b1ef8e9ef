/**
 * UI state only (which area is shown, theme choice, which assessment is open). Nothing
 * the consultant types lives here: that goes to Dexie.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const AREAS = ['assessments', 'interview', 'inventory', 'risks', 'incident-response', 'report', 'settings'] as const;
export type Area = (typeof AREAS)[number];
export type ThemePreference = 'system' | 'light' | 'dark';

interface UiState {
  area: Area;
  themePreference: ThemePreference;
  openAssessmentId: string | null;
  showArea: (area: Area) => void;
  setThemePreference: (preference: ThemePreference) => void;
  openAssessment: (id: string | null) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      area: 'assessments',
      themePreference: 'system',
      openAssessmentId: null,
      showArea: (area) => set({ area }),
      setThemePreference: (themePreference) => set({ themePreference }),
      openAssessment: (openAssessmentId) => set({ openAssessmentId }),
    }),
    {
      name: 'demarc-ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ themePreference: state.themePreference, openAssessmentId: state.openAssessmentId }),
    },
  ),
);
