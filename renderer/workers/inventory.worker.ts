/// <reference lib="webworker" />
/** Runs inventory imports and checks off the UI thread; writes straight to IndexedDB. */
import '../zod-setup';
import { bundledPack } from '../content/bundled-pack';
import { createDatabase } from '../db/database';
import type { InventoryReply, InventoryTask } from './inventory-protocol';
import { finishPull, importGraphResponses, importInventoryFile, recheckGraphSnapshots, storeGraphSnapshot, type InventoryWorkResult } from './inventory-work';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = createDatabase();

function reply(message: InventoryReply): void {
  scope.postMessage(message);
}

function run(task: InventoryTask, progress: (stage: 'parsing' | 'checking' | 'storing') => void): Promise<InventoryWorkResult> {
  switch (task.kind) {
    case 'import-file':
      return importInventoryFile(db, bundledPack(), task, progress);
    case 'finish-pull':
      return finishPull(db, bundledPack(), task, progress);
    case 'store-graph':
      return Promise.resolve().then(() => storeGraphSnapshot(db, bundledPack(), task, progress));
    case 'import-graph-files':
      return Promise.resolve().then(() => importGraphResponses(db, bundledPack(), task, progress));
    case 'recheck-graph':
      return recheckGraphSnapshots(db, bundledPack(), task, progress);
  }
}

scope.onmessage = (event: MessageEvent<InventoryTask>) => {
  const task = event.data;
  const progress = (stage: 'parsing' | 'checking' | 'storing') => reply({ kind: 'progress', requestId: task.requestId, stage });
  run(task, progress)
    .then((result) => reply({ kind: 'done', requestId: task.requestId, ...result }))
    .catch((error: unknown) => reply({ kind: 'error', requestId: task.requestId, message: error instanceof Error ? error.message : String(error) }));
};
