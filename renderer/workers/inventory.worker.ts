/// <reference lib="webworker" />
/** Runs inventory imports and checks off the UI thread; writes straight to IndexedDB. */
import '../zod-setup';
import { bundledPack } from '../content/bundled-pack';
import { createDatabase } from '../db/database';
import type { InventoryReply, InventoryTask } from './inventory-protocol';
import { finishPull, importInventoryFile } from './inventory-work';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = createDatabase();

function reply(message: InventoryReply): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<InventoryTask>) => {
  const task = event.data;
  const progress = (stage: 'parsing' | 'checking' | 'storing') => reply({ kind: 'progress', requestId: task.requestId, stage });
  const work = task.kind === 'import-file' ? importInventoryFile(db, bundledPack(), task, progress) : finishPull(db, bundledPack(), task, progress);
  work
    .then((result) => reply({ kind: 'done', requestId: task.requestId, ...result }))
    .catch((error: unknown) => reply({ kind: 'error', requestId: task.requestId, message: error instanceof Error ? error.message : String(error) }));
};
