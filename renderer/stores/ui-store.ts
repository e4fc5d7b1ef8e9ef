/**
 * UI state only (which area is shown, theme choice, which assessment is open, filters and
 * selections). Nothing the consultant types lives here: that goes to Dexie.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const AREAS = [
  'assessments',
  'engagement',
  'interview',
  'inventory',
  'risks',
  'responsibility',
  'commitments',
  'heat-maps',
  'incident-response',
  'report',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];
export type ThemePreference = 'system' | 'light' | 'dark';

export interface RiskFilter {
  owner: string | null;
  level: string | null;
  category: string | null;
  treatment: string | null;
  status: string | null;
  /** how the risk is known: verified, reported, contradicted, manual */
  known: string | null;
  /** a heat-map cell: risks whose inherent (or residual) likelihood and impact match */
  cell: { kind: 'inherent' | 'residual'; likelihood: number; impact: number } | null;
}

export const NO_RISK_FILTER: RiskFilter = { owner: null, level: null, category: null, treatment: null, status: 'open', known: null, cell: null };

export type RiskSortKey = 'id' | 'title' | 'owner' | 'inherent' | 'residual' | 'category' | 'treatment' | 'status' | 'known';

/** Tables whose column widths the consultant can change (kept between sessions). */
export type ResizableTable = 'risks' | 'resources';
/** Screens with a table beside a detail pane whose share the consultant can change. */
export type SplitScreen = 'risks' | 'inventory';

interface UiState {
  area: Area;
  themePreference: ThemePreference;
  openAssessmentId: string | null;
  /** current question per assessment */
  questionByAssessment: Record<string, string>;
  /** who answers, remembered between questions */
  answeredBy: string;
  riskFilter: RiskFilter;
  riskSort: { key: RiskSortKey; descending: boolean };
  selectedRiskId: string | null;
  /** widths (px) the consultant gave columns, per table; columns not listed keep their default */
  columnWidths: Partial<Record<ResizableTable, Record<string, number>>>;
  /** the detail pane's share of a split screen's width (percent) */
  detailShare: Partial<Record<SplitScreen, number>>;
  showArea: (area: Area) => void;
  setThemePreference: (preference: ThemePreference) => void;
  openAssessment: (id: string | null) => void;
  setQuestion: (assessmentId: string, questionId: string) => void;
  setAnsweredBy: (name: string) => void;
  setRiskFilter: (filter: Partial<RiskFilter>) => void;
  setRiskSort: (key: RiskSortKey) => void;
  selectRisk: (id: string | null) => void;
  setColumnWidth: (table: ResizableTable, column: string, width: number) => void;
  resetColumnWidths: (table: ResizableTable) => void;
  setDetailShare: (screen: SplitScreen, percent: number) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      area: 'assessments',
      themePreference: 'system',
      openAssessmentId: null,
      questionByAssessment: {},
      answeredBy: '',
      riskFilter: NO_RISK_FILTER,
      riskSort: { key: 'inherent', descending: true },
      selectedRiskId: null,
      columnWidths: {},
      detailShare: {},
      showArea: (area) => set({ area }),
      setThemePreference: (themePreference) => set({ themePreference }),
      openAssessment: (openAssessmentId) => set({ openAssessmentId, selectedRiskId: null, riskFilter: NO_RISK_FILTER }),
      setQuestion: (assessmentId, questionId) => set((s) => ({ questionByAssessment: { ...s.questionByAssessment, [assessmentId]: questionId } })),
      setAnsweredBy: (answeredBy) => set({ answeredBy }),
      setRiskFilter: (filter) => set((s) => ({ riskFilter: { ...s.riskFilter, ...filter } })),
      setRiskSort: (key) => set((s) => ({ riskSort: { key, descending: s.riskSort.key === key ? !s.riskSort.descending : key === 'inherent' || key === 'residual' } })),
      selectRisk: (selectedRiskId) => set({ selectedRiskId }),
      setColumnWidth: (table, column, width) => set((s) => ({ columnWidths: { ...s.columnWidths, [table]: { ...s.columnWidths[table], [column]: width } } })),
      resetColumnWidths: (table) => set((s) => ({ columnWidths: { ...s.columnWidths, [table]: {} } })),
      setDetailShare: (screen, percent) => set((s) => ({ detailShare: { ...s.detailShare, [screen]: percent } })),
    }),
    {
      name: 'demarc-ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({
        themePreference: state.themePreference,
        openAssessmentId: state.openAssessmentId,
        questionByAssessment: state.questionByAssessment,
        answeredBy: state.answeredBy,
        columnWidths: state.columnWidths,
        detailShare: state.detailShare,
      }),
    },
  ),
);
