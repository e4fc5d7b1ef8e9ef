import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ResetColumnWidths } from '../../components/ResetColumnWidths';
import { ScreenHeader } from '../../components/ScreenHeader';
import { SplitView } from '../../components/SplitView';
import type { AssessmentRecord } from '../../db/database';
import { getRisk } from '../../db/risks-repository';
import { useContentPack } from '../../hooks/use-content-pack';
import { useRiskRegister } from '../../hooks/use-risk-register';
import { useUiStore } from '../../stores/ui-store';
import { AddRiskDialog } from './AddRiskDialog';
import { RiskDetail } from './RiskDetail';
import { RiskFilters } from './RiskFilters';
import { RiskTable } from './RiskTable';
import { matchesFilter, sortRisks } from './risk-view';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Why the table is empty, and what fills it: an empty grid alone reads as a fault. */
function EmptyRegister({ total }: { total: number }) {
  return (
    <MessageBar intent="info" data-testid="risks-empty">
      <MessageBarBody>
        {total === 0
          ? 'No risks yet. They appear as interview answers record weaknesses and inventory checks fail; “Add a risk” records one by hand.'
          : `No risk matches these filters (${total.toLocaleString()} in the register); “Reset filters” shows the open ones again.`}
      </MessageBarBody>
    </MessageBar>
  );
}

export function RisksScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const { risks, ready, refreshError } = useRiskRegister(assessment, pack);
  const filter = useUiStore((s) => s.riskFilter);
  const sort = useUiStore((s) => s.riskSort);
  const selectedId = useUiStore((s) => s.selectedRiskId);
  const select = useUiStore((s) => s.selectRisk);
  const shown = useMemo(
    () => sortRisks((risks ?? []).filter((r) => matchesFilter(r, filter)), sort.key, sort.descending, pack.riskMatrix),
    [risks, filter, sort, pack.riskMatrix],
  );
  const [adding, setAdding] = useState(false);
  const selected = useLiveQuery(async () => (selectedId ? ((await getRisk(assessment.id, selectedId)) ?? null) : null), [assessment.id, selectedId]);
  return (
    <section className={styles.section} aria-labelledby="risks-title" data-ready={ready ? 'true' : 'false'} data-testid="risks-screen">
      <ScreenHeader id="risks-title" title="Risk register" description="Owned by Microsoft, the customer, or both, per the responsibility matrix." />
      {refreshError && (
        <MessageBar intent="error">
          <MessageBarBody>The register could not be refreshed: {refreshError}</MessageBarBody>
        </MessageBar>
      )}
      {risks === undefined ? (
        <Spinner label="Loading the register…" />
      ) : (
        <>
          <div className={styles.toolbar}>
            <Text>{selected || shown.length === 0 ? '' : 'Select a risk to edit it.'}</Text>
            <div className={styles.actions}>
              <ResetColumnWidths table="risks" />
              <Button icon={<AddRegular />} onClick={() => setAdding(true)} data-testid="add-risk">
                Add a risk
              </Button>
            </div>
          </div>
          <RiskFilters pack={pack} shown={shown.length} total={risks.length} />
          {shown.length === 0 && <EmptyRegister total={risks.length} />}
          <SplitView
            screen="risks"
            main={<RiskTable risks={shown} matrix={pack.riskMatrix} />}
            detail={selected ? <RiskDetail key={selected.id} risk={selected} pack={pack} /> : null}
            detailTitle={selected ? `Risk ${selected.id}` : ''}
            onCloseDetail={() => select(null)}
          />
        </>
      )}
      {adding && <AddRiskDialog assessment={assessment} pack={pack} onClose={() => setAdding(false)} />}
    </section>
  );
}
