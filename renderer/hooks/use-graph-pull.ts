import { useEffect, useRef, useState } from 'react';
import type { ContentPack } from '../../core/content/types';
import { GRAPH_COLLECTION_IDS, type GraphCollectionId } from '../../core/graph/collections';
import type { GraphGap } from '../../core/graph/snapshot';
import type { GraphPullProgress } from '../../core/ipc/contract';
import { callMain, onMainEvent } from '../bridge/demarc-client';
import { isOwnPull } from './pull-ownership';
import type { AssessmentRecord } from '../db/database';
import { GRAPH_PULL_LABEL } from '../bundle/graph-snapshots';
import { refreshRisks } from '../db/risks-repository';
import { runInventoryTask } from '../workers/inventory-client';

/** Where one collection is in a Graph pull. */
export type CollectionState =
  | { state: 'waiting' }
  | { state: 'reading'; note: string | null }
  | { state: 'done'; rows: number; pages: number }
  | { state: 'gap'; gap: GraphGap };

export interface GraphPullState {
  pullId: string;
  phase: 'running' | 'checking' | 'done';
  collections: Record<GraphCollectionId, CollectionState>;
  status: 'complete' | 'cancelled' | 'failed' | null;
  snapshotId: string | null;
  /** What the checks left not assessed (stored snapshot), once known. */
  note: string | null;
}

function waiting(): Record<GraphCollectionId, CollectionState> {
  return Object.fromEntries(GRAPH_COLLECTION_IDS.map((id) => [id, { state: 'waiting' }])) as Record<GraphCollectionId, CollectionState>;
}

/** The collection states after one progress event. */
export function applyGraphProgress(collections: Record<GraphCollectionId, CollectionState>, p: GraphPullProgress): Record<GraphCollectionId, CollectionState> {
  switch (p.kind) {
    case 'collection-started':
      return { ...collections, [p.collection]: { state: 'reading', note: null } };
    case 'collection-finished':
      return { ...collections, [p.collection]: { state: 'done', rows: p.rows, pages: p.pages } };
    case 'collection-gap':
      return { ...collections, [p.gap.collection]: { state: 'gap', gap: p.gap } };
    case 'retrying':
      return { ...collections, [p.collection]: { state: 'reading', note: `${p.reason}, retry ${p.attempt} in ${Math.round(p.delayMs / 1000)} s` } };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs one Microsoft Graph pull in main on the current Azure sign-in: follows its progress per
 * collection, then has the worker validate and store the snapshot, run the Graph checks, and
 * refreshes the register.
 */
export function useGraphPull(assessment: AssessmentRecord, pack: ContentPack, onSnapshot: (id: string) => void) {
  const [state, setState] = useState<GraphPullState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pullRef = useRef<{ id: string } | null>(null);

  useEffect(() => {
    const mine = (pullId: string) => isOwnPull(pullRef, pullId);
    const offs = [
      onMainEvent('graph:pull-progressed', ({ pullId, progress }) => {
        if (mine(pullId)) setState((s) => s && { ...s, collections: applyGraphProgress(s.collections, progress) });
      }),
      onMainEvent('graph:pull-finished', ({ pullId, status, snapshot, collection, message: why }) => {
        if (!mine(pullId)) return;
        if (status !== 'complete' || !snapshot) {
          if (status === 'failed') setError(`${collection ? `${collection}: ` : ''}${why ?? 'the Graph pull failed'}; nothing was stored.`);
          setState((s) => s && { ...s, phase: 'done', status });
          return;
        }
        setState((s) => s && { ...s, phase: 'checking', status });
        void (async () => {
          const result = await runInventoryTask({ kind: 'store-graph', assessmentId: assessment.id, matrixId: assessment.matrixId, label: GRAPH_PULL_LABEL, snapshot });
          await refreshRisks(assessment.id, pack);
          onSnapshot(result.snapshotId);
          setState((s) => s && { ...s, phase: 'done', snapshotId: result.snapshotId, note: result.note });
        })().catch((e: unknown) => {
          setError(`The Graph snapshot was not stored: ${message(e)}`);
          setState((s) => s && { ...s, phase: 'done', status: 'failed' });
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [assessment.id, assessment.matrixId, pack, onSnapshot]);

  const start = async (graphEndpoint: string | undefined) => {
    setError(null);
    pullRef.current = { id: '' };
    setState({ pullId: '', phase: 'running', collections: waiting(), status: null, snapshotId: null, note: null });
    try {
      const { pullId } = await callMain('graph:start-pull', graphEndpoint ? { graphEndpoint } : {});
      pullRef.current.id = pullId;
      setState((s) => s && { ...s, pullId });
    } catch (e) {
      setState(null);
      pullRef.current = null;
      setError(message(e));
    }
  };
  const cancel = async () => {
    const pullId = pullRef.current?.id;
    if (pullId) await callMain('graph:cancel-pull', { pullId }).catch((e: unknown) => setError(message(e)));
  };
  return { state, error, start, cancel };
}
