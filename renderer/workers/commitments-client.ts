/** The UI side of the commitments worker: one worker, reused; a reply is checked before it is used. */
import { CommitmentsReplySchema, type CommitmentsReply, type CommitmentsView } from './commitments-protocol';

type Pending = { resolve: (v: CommitmentsView) => void; reject: (e: Error) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function instance(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./commitments.worker.ts', import.meta.url), { type: 'module', name: 'commitments' });
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const checked = CommitmentsReplySchema.safeParse(event.data);
    if (!checked.success) {
      for (const call of pending.values()) call.reject(new Error('The commitments worker sent a reply this version cannot read.'));
      pending.clear();
      return;
    }
    const message = event.data as CommitmentsReply;
    const call = pending.get(message.requestId);
    if (!call) return;
    pending.delete(message.requestId);
    if (message.kind === 'done') call.resolve(message.view);
    else call.reject(new Error(message.message));
  };
  worker.onerror = (event) => {
    for (const call of pending.values()) call.reject(new Error(event.message || 'The commitments worker stopped.'));
    pending.clear();
    worker = undefined;
  };
  return worker;
}

/** The commitments of an assessment's active snapshot and stored business services, computed in the worker. */
export function computeCommitments(assessmentId: string): Promise<CommitmentsView> {
  const requestId = nextId++;
  return new Promise<CommitmentsView>((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    instance().postMessage({ requestId, assessmentId });
  });
}
