import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
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
  toolbar: { display: 'flex', justifyContent: 'flex-end' },
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(320px, 2fr)', gap: tokens.spacingHorizontalL, alignItems: 'start' },
});

export function RisksScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const { risks, ready, refreshError } = useRiskRegister(assessment, pack);
  const filter = useUiStore((s) => s.riskFilter);
  const sort = useUiStore((s) => s.riskSort);
  const selectedId = useUiStore((s) => s.selectedRiskId);
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
            <Button icon={<AddRegular />} onClick={() => setAdding(true)} data-testid="add-risk">
              Add a risk
            </Button>
          </div>
          <RiskFilters pack={pack} shown={shown.length} total={risks.length} />
          <div className={styles.layout}>
            <RiskTable risks={shown} matrix={pack.riskMatrix} />
            {selected ? <RiskDetail key={selected.id} risk={selected} pack={pack} /> : <Text>Select a risk to edit it.</Text>}
          </div>
        </>
      )}
      {adding && <AddRiskDialog assessment={assessment} pack={pack} onClose={() => setAdding(false)} />}
    </section>
  );
}
