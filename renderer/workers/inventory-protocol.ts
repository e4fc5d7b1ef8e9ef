/** Messages between the UI and the inventory worker. */

export type InventoryTask =
  | { kind: 'import-file'; requestId: number; assessmentId: string; matrixId: string; text: string; fileName: string }
  | { kind: 'finish-pull'; requestId: number; snapshotId: string; matrixId: string };

export type InventoryStage = 'parsing' | 'checking' | 'storing';

export type InventoryReply =
  | { kind: 'progress'; requestId: number; stage: InventoryStage }
  | { kind: 'done'; requestId: number; snapshotId: string; resourceCount: number; failingCount: number; note: string | null }
  | { kind: 'error'; requestId: number; message: string };
