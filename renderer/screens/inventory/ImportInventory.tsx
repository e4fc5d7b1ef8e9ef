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

const STAGES: Record<InventoryStage, string> = { parsing: 'Reading the file…', checking: 'Running the checks…', storing: 'Storing the snapshot…' };

/**
 * Imports an inventory file (every format the engine reads) as a new snapshot. Parsing,
 * checks and storing run in a worker, so the workshop stays responsive.
 */
export function ImportInventory({ assessment, onImported }: { assessment: AssessmentRecord; onImported: (snapshotId: string) => void }) {
  const pack = useContentPack();
  const [stage, setStage] = useState<InventoryStage | null>(null);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const importFile = async (file: File) => {
    setOutcome(null);
    setStage('parsing');
    try {
      const text = await readTextWithin(file, MAX_INVENTORY_BYTES, 'an inventory file');
      const result = await runInventoryTask({ kind: 'import-file', assessmentId: assessment.id, matrixId: assessment.matrixId, text, fileName: file.name }, setStage);
      await refreshRisks(assessment.id, pack);
      setOutcome({ intent: 'success', text: `Imported ${result.resourceCount.toLocaleString()} resources from ${file.name}; ${result.failingCount.toLocaleString()} fail at least one check.${result.note ? ` ${result.note}` : ''}` });
      onImported(result.snapshotId);
    } catch (e) {
      setOutcome({ intent: 'error', text: `${file.name} was not imported: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setStage(null);
    }
  };

  return (
    <div>
      <FileDropZone
        buttonLabel="Import inventory file…"
        icon={<DocumentArrowUpRegular />}
        hint="JSON rows, a Resource Graph response or pages, az graph query output, or a Resource Graph Explorer CSV."
        accept=".json,.csv,application/json,text/csv"
        inputLabel="Inventory file"
        disabled={stage !== null}
        onFile={importFile}
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
