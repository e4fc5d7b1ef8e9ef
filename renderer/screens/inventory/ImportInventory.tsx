import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FileDropZone } from '../../components/FileDropZone';
import type { AssessmentRecord } from '../../db/database';
import { MAX_INVENTORY_BYTES, readTextWithin } from '../../files/file-limits';
import { refreshRisks } from '../../db/risks-repository';
import { useContentPack } from '../../hooks/use-content-pack';
import { runInventoryTask } from '../../workers/inventory-client';
import type { InventoryStage } from '../../workers/inventory-protocol';
import { isGraphCollectionId } from '../../../core/graph/collections';

/** A saved Graph response's name: `<collection>.json` or `<collection>.<page>.json` (core/graph/import.ts). */
export function isGraphResponseName(name: string): boolean {
  const match = /^([A-Za-z]+)(?:\.\d+)?\.json$/.exec(name);
  return match !== null && isGraphCollectionId(match[1]!);
}

/** A Graph snapshot file (`demarc graph pull` / `graph import` output) starts with its header. */
const GRAPH_SNAPSHOT_START = /^\s*\{\s*"demarcGraphSnapshot"/;

type Work = { kind: 'inventory' | 'graph-snapshot'; file: File; text: string } | { kind: 'graph-responses'; files: File[] };

/** What the picked files are: one inventory file, one Graph snapshot file, or saved Graph responses. */
async function classify(files: File[]): Promise<Work> {
  if (files.every((f) => isGraphResponseName(f.name))) return { kind: 'graph-responses', files };
  if (files.length > 1) throw new Error('several files are imported together only as saved Microsoft Graph responses (<collection>.json, <collection>.2.json…); import one inventory file at a time');
  const file = files[0]!;
  const text = await readTextWithin(file, MAX_INVENTORY_BYTES, 'an inventory file');
  return { kind: GRAPH_SNAPSHOT_START.test(text.slice(0, 200)) ? 'graph-snapshot' : 'inventory', file, text };
}

const STAGES: Record<InventoryStage, string> = { parsing: 'Reading the file…', checking: 'Running the checks…', storing: 'Storing the snapshot…' };

/**
 * Imports an inventory file (every format the engine reads), or Microsoft Graph evidence (a
 * Graph snapshot file, or the raw Graph responses `demarc graph import` reads), as a new
 * snapshot. Parsing, checks and storing run in a worker, so the workshop stays responsive.
 */
export function ImportInventory({ assessment, onImported }: { assessment: AssessmentRecord; onImported: (snapshotId: string) => void }) {
  const pack = useContentPack();
  const [stage, setStage] = useState<InventoryStage | null>(null);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const run = (work: Work) => {
    const { matrixId, id: assessmentId } = assessment;
    switch (work.kind) {
      case 'inventory':
        return runInventoryTask({ kind: 'import-file', assessmentId, matrixId, text: work.text, fileName: work.file.name }, setStage);
      case 'graph-snapshot':
        return runInventoryTask({ kind: 'store-graph', assessmentId, matrixId, label: work.file.name, snapshot: JSON.parse(work.text) as unknown }, setStage);
      case 'graph-responses':
        return Promise.all(work.files.map(async (f) => ({ name: f.name, text: await readTextWithin(f, MAX_INVENTORY_BYTES, 'a Graph response file') }))).then((files) =>
          runInventoryTask({ kind: 'import-graph-files', assessmentId, matrixId, files, capturedAt: new Date(Math.max(...work.files.map((f) => f.lastModified))).toISOString() }, setStage),
        );
    }
  };

  const importFiles = async (files: File[]) => {
    setOutcome(null);
    setStage('parsing');
    const names = files.length === 1 ? files[0]!.name : `${files.length} files`;
    try {
      const work = await classify(files);
      const result = await run(work);
      await refreshRisks(assessment.id, pack);
      const what = work.kind === 'inventory' ? 'resources' : 'Microsoft Graph objects';
      const failing = work.kind === 'inventory' ? 'fail at least one check' : 'fail at least one Graph check';
      setOutcome({ intent: 'success', text: `Imported ${result.resourceCount.toLocaleString()} ${what} from ${names}; ${result.failingCount.toLocaleString()} ${failing}.${result.note ? ` ${result.note}` : ''}` });
      onImported(result.snapshotId);
    } catch (e) {
      setOutcome({ intent: 'error', text: `${names} ${files.length === 1 ? 'was' : 'were'} not imported: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setStage(null);
    }
  };

  return (
    <div>
      <FileDropZone
        buttonLabel="Import inventory file…"
        icon={<DocumentArrowUpRegular />}
        hint="JSON rows, a Resource Graph response or pages, az graph query output, a Resource Graph Explorer CSV; or Microsoft Graph: a snapshot file, or the saved responses (organization.json, users.json, users.2.json…) picked together."
        accept=".json,.csv,application/json,text/csv"
        inputLabel="Inventory file"
        disabled={stage !== null}
        onFile={(file) => importFiles([file])}
        onFiles={importFiles}
        testId="import-inventory"
      >
        {stage && <Spinner size="tiny" label={STAGES[stage]} data-testid="inventory-progress" />}
      </FileDropZone>
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid={outcome.intent === 'success' ? 'inventory-imported' : 'inventory-error'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
