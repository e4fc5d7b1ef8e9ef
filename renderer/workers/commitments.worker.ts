/// <reference lib="webworker" />
/** Computes the provider commitments off the UI thread: reads the snapshot, classifies, composes. */
import '../zod-setup';
import { bundledPack } from '../content/bundled-pack';
import { createDatabase } from '../db/database';
import { CommitmentsTaskSchema, type CommitmentsReply } from './commitments-protocol';
import { commitmentsView } from './commitments-work';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = createDatabase();

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = CommitmentsTaskSchema.safeParse(event.data);
  const requestId = typeof (event.data as { requestId?: unknown } | null)?.requestId === 'number' ? (event.data as { requestId: number }).requestId : 0;
  if (!parsed.success) {
    const reply: CommitmentsReply = { kind: 'error', requestId, message: `Malformed commitments task: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` };
    scope.postMessage(reply);
    return;
  }
  commitmentsView(db, bundledPack(), parsed.data.assessmentId)
    .then((view) => scope.postMessage({ kind: 'done', requestId, view } satisfies CommitmentsReply))
    .catch((error: unknown) => scope.postMessage({ kind: 'error', requestId, message: error instanceof Error ? error.message : String(error) } satisfies CommitmentsReply));
};
