/** Messages between the UI and the inventory worker. */

export type InventoryTask =
  | { kind: 'import-file'; requestId: number; assessmentId: string; matrixId: string; text: string; fileName: string }
  | { kind: 'finish-pull'; requestId: number; snapshotId: string; matrixId: string }
  /** A Graph snapshot (from a Graph pull in main, or a snapshot file); validated in the worker. */
  | { kind: 'store-graph'; requestId: number; assessmentId: string; matrixId: string; label: string; snapshot: unknown }
  /** Saved Graph responses (`<collection>.json`, `<collection>.2.json`…), as `demarc graph import` reads them. */
  | { kind: 'import-graph-files'; requestId: number; assessmentId: string; matrixId: string; files: { name: string; text: string }[]; capturedAt: string }
  /** Re-runs the Graph checks of the assessment's Graph snapshots with its stored settings (the named emergency access accounts changed). */
  | { kind: 'recheck-graph'; requestId: number; assessmentId: string; matrixId: string };

export type InventoryStage = 'parsing' | 'checking' | 'storing';

export type InventoryReply =
  | { kind: 'progress'; requestId: number; stage: InventoryStage }
  | { kind: 'done'; requestId: number; snapshotId: string; resourceCount: number; failingCount: number; note: string | null }
  | { kind: 'error'; requestId: number; message: string };
