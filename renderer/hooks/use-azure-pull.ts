import { useEffect, useRef, useState } from 'react';
import type { PullProgressEvent } from '../../core/azure/schemas';
import type { ContentPack } from '../../core/content/types';
import { callMain, onMainEvent } from '../bridge/demarc-client';
import { isOwnPull } from './pull-ownership';
import type { AssessmentRecord } from '../db/database';
import { openPullSnapshot, type PullWriter } from '../db/pull-repository';
import { refreshRisks } from '../db/risks-repository';
import { runInventoryTask } from '../workers/inventory-client';

export interface PullState {
  pullId: string;
  snapshotId: string | null;
  phase: 'running' | 'checking' | 'done';
  totalRows: number;
  totalPages: number;
  pagesRemaining: number | null;
  etaSeconds: number | null;
  perTable: Record<string, { rows: number; pages: number }>;
  note: string | null;
  status: 'complete' | 'partial' | 'cancelled' | null;
  errors: { scope: string; message: string }[];
}

function applyProgress(state: PullState, p: PullProgressEvent): PullState {
  switch (p.kind) {
    case 'page':
      return {
        ...state,
        totalRows: p.totalRows,
        totalPages: p.totalPages,
        pagesRemaining: p.pagesRemaining,
        etaSeconds: p.estimatedSecondsLeft,
        perTable: { ...state.perTable, [p.queryId]: { rows: p.queryRows, pages: (state.perTable[p.queryId]?.pages ?? 0) + 1 } },
        note: null,
      };
    case 'retrying':
      return { ...state, note: `Retrying ${p.queryId} (${p.reason}, attempt ${p.attempt}) in ${Math.round(p.delayMs / 1000)} s` };
    case 'paced':
      return { ...state, note: `Waiting ${Math.round(p.delayMs / 1000)} s for the Resource Graph quota` };
    case 'scope-failed':
      return { ...state, errors: [...state.errors, { scope: p.error.table, message: p.error.message }] };
    default:
      return state;
  }
}

/**
 * Runs one Azure pull: stores each page in a new snapshot as it arrives, follows the
 * progress, then runs the checks in the worker and refreshes the register.
 */
export function useAzurePull(assessment: AssessmentRecord, pack: ContentPack, onSnapshot: (id: string) => void) {
  const [state, setState] = useState<PullState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const writer = useRef<Promise<PullWriter> | null>(null);
  const pullRef = useRef<{ id: string; scope: { subscriptions: string[]; managementGroups: string[] } } | null>(null);

  useEffect(() => {
    const mine = (pullId: string) => isOwnPull(pullRef, pullId);
    const writerFor = (snapshotId: string) => {
      writer.current ??= openPullSnapshot(assessment.id, snapshotId, pack, pullRef.current!.scope);
      return writer.current;
    };
    const offs = [
      onMainEvent('azure:pull-progressed', ({ pullId, progress }) => {
        if (!mine(pullId)) return;
        if (progress.kind === 'started') void writerFor(progress.snapshotId).then((w) => setState((s) => s && { ...s, snapshotId: w.snapshotId }));
        setState((s) => (s ? applyProgress(s, progress) : s));
      }),
      onMainEvent('azure:pull-page-received', ({ pullId, snapshotId, rows }) => {
        if (!mine(pullId)) return;
        void writerFor(snapshotId)
          .then((w) => w.addPage(rows))
          .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      }),
      onMainEvent('azure:pull-finished', ({ pullId, snapshot }) => {
        if (!mine(pullId)) return;
        void (async () => {
          const w = await writerFor(snapshot.id);
          const status = await w.finish(snapshot);
          const errors = snapshot.errors.map((e) => ({ scope: e.table, message: e.message }));
          setState((s): PullState | null => s && { ...s, status, errors, phase: status === 'cancelled' ? 'done' : 'checking', snapshotId: w.snapshotId });
          onSnapshot(w.snapshotId);
          if (status !== 'cancelled') {
            await runInventoryTask({ kind: 'finish-pull', snapshotId: w.snapshotId, matrixId: assessment.matrixId });
            await refreshRisks(assessment.id, pack);
          }
          setState((s) => s && { ...s, phase: 'done' });
        })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      }),
      onMainEvent('azure:pull-failed', ({ pullId, message }) => {
        if (!mine(pullId)) return;
        setError(message);
        void writer.current?.then((w) => w.fail(message));
        setState((s) => s && { ...s, phase: 'done', status: 'cancelled' });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [assessment.id, assessment.matrixId, pack, onSnapshot]);

  const start = async (subscriptions: string[], managementGroups: string[]) => {
    setError(null);
    writer.current = null;
    pullRef.current = { id: '', scope: { subscriptions, managementGroups } };
    setState({ pullId: '', snapshotId: null, phase: 'running', totalRows: 0, totalPages: 0, pagesRemaining: null, etaSeconds: null, perTable: {}, note: null, status: null, errors: [] });
    try {
      const { pullId } = await callMain('azure:start-pull', { subscriptions, managementGroups });
      pullRef.current.id = pullId;
      setState((s) => s && { ...s, pullId });
    } catch (e) {
      setState(null);
      pullRef.current = null;
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const cancel = async () => {
    if (state) await callMain('azure:cancel-pull', { pullId: state.pullId }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return { state, error, start, cancel };
}
