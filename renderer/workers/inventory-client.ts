/** The UI side of the inventory worker: one worker, reused, with promise-returning calls. */
import type { InventoryReply, InventoryStage, InventoryTask } from './inventory-protocol';

type InventoryResult = Omit<Extract<InventoryReply, { kind: 'done' }>, 'kind' | 'requestId'>;
type Pending = { resolve: (r: InventoryResult) => void; reject: (e: Error) => void; onStage: (s: InventoryStage) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function instance(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./inventory.worker.ts', import.meta.url), { type: 'module', name: 'inventory' });
  worker.onmessage = (event: MessageEvent<InventoryReply>) => {
    const message = event.data;
    const call = pending.get(message.requestId);
    if (!call) return;
    if (message.kind === 'progress') call.onStage(message.stage);
    else {
      pending.delete(message.requestId);
      if (message.kind === 'done') call.resolve(message);
      else call.reject(new Error(message.message));
    }
  };
  worker.onerror = (event) => {
    for (const call of pending.values()) call.reject(new Error(event.message || 'The inventory worker stopped.'));
    pending.clear();
    worker = undefined;
  };
  return worker;
}

type TaskInput = InventoryTask extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never;

export function runInventoryTask(task: TaskInput, onStage: (stage: InventoryStage) => void = () => undefined) {
  const requestId = nextId++;
  return new Promise<InventoryResult>((resolve, reject) => {
    pending.set(requestId, { resolve, reject, onStage });
    instance().postMessage({ ...task, requestId } as InventoryTask);
  });
}
