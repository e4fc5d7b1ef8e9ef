import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import type { AssessmentRecord } from '../../db/database';
import { refreshRisks } from '../../db/risks-repository';
import { useContentPack } from '../../hooks/use-content-pack';
import { runInventoryTask } from '../../workers/inventory-client';
import type { InventoryStage } from '../../workers/inventory-protocol';

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

const STAGES: Record<InventoryStage, string> = { parsing: 'Reading the file…', checking: 'Running the checks…', storing: 'Storing the snapshot…' };

/**
 * Imports an inventory file (every format the engine reads) as a new snapshot. Parsing,
 * checks and storing run in a worker, so the workshop stays responsive.
 */
export function ImportInventory({ assessment, onImported }: { assessment: AssessmentRecord; onImported: (snapshotId: string) => void }) {
  const styles = useStyles();
  const pack = useContentPack();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<InventoryStage | null>(null);
  const [over, setOver] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setOutcome(null);
    setStage('parsing');
    try {
      const text = await file.text();
      const result = await runInventoryTask({ kind: 'import-file', assessmentId: assessment.id, matrixId: assessment.matrixId, text, fileName: file.name }, setStage);
      await refreshRisks(assessment.id, pack);
      setOutcome({ intent: 'success', text: `Imported ${result.resourceCount.toLocaleString()} resources from ${file.name}; ${result.failingCount.toLocaleString()} fail at least one check.` });
      onImported(result.snapshotId);
    } catch (e) {
      setOutcome({ intent: 'error', text: `${file.name} was not imported: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setStage(null);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void importFile(event.dataTransfer.files[0]);
  };

  return (
    <div>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="inventory-drop-zone"
      >
        <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} disabled={stage !== null} data-testid="import-inventory">
          Import inventory file…
        </Button>
        <Text>JSON rows, a Resource Graph response or pages, az graph query output, or a Resource Graph Explorer CSV.</Text>
        <input
          ref={input}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          hidden
          aria-label="Inventory file"
          onChange={(e) => void importFile(e.target.files?.[0])}
          data-testid="import-inventory-input"
        />
        {stage && <Spinner size="tiny" label={STAGES[stage]} data-testid="inventory-progress" />}
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} data-testid={outcome.intent === 'success' ? 'inventory-imported' : 'inventory-error'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
