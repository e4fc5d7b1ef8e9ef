import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
import type { AssessmentRecord, RiskRowRecord as RiskRecord } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { useRiskRegister } from '../../hooks/use-risk-register';
import { NO_RISK_FILTER, useUiStore } from '../../stores/ui-store';
import { HeatMap } from './HeatMap';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pair: { display: 'flex', gap: tokens.spacingHorizontalXXXL, flexWrap: 'wrap' },
});

function countCells(risks: readonly RiskRecord[], pick: (r: RiskRecord) => { likelihood: number; impact: number } | null): number[][] {
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const r of risks) {
    const at = pick(r);
    if (at) grid[at.likelihood - 1]![at.impact - 1]! += 1;
  }
  return grid;
}

/** Inherent and residual heat maps of the open risks, side by side. */
export function HeatMapsScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const { risks, ready } = useRiskRegister(assessment, pack);
  const setFilter = useUiStore((s) => s.setRiskFilter);
  const showArea = useUiStore((s) => s.showArea);
  const open = useMemo(() => (risks ?? []).filter((r) => r.status === 'open'), [risks]);
  const inherent = useMemo(() => countCells(open, (r) => r), [open]);
  const residual = useMemo(() => countCells(open, (r) => r.residual), [open]);
  // wait for the refresh: the engine may re-rate risks, and a cell must count what the register will list
  if (risks === undefined || !ready) return <Spinner label="Loading the register…" />;
  const pick = (kind: 'inherent' | 'residual') => (likelihood: number, impact: number) => {
    setFilter({ ...NO_RISK_FILTER, cell: { kind, likelihood, impact } });
    showArea('risks');
  };
  const withoutResidual = open.filter((r) => !r.residual).length;
  return (
    <section className={styles.section} aria-labelledby="heat-title">
      <ScreenHeader id="heat-title" title="Heat maps" description="Open risks by likelihood and impact; select a cell to list its risks." />
      <div className={styles.pair}>
        <HeatMap title="Inherent risk" kind="inherent" matrix={pack.riskMatrix} counts={inherent} onPick={pick('inherent')} />
        <HeatMap title="Residual risk" kind="residual" matrix={pack.riskMatrix} counts={residual} onPick={pick('residual')} />
      </div>
      {open.length === 0 && (
        <Text data-testid="heat-maps-empty">No open risks yet: the maps fill as interview answers and inventory checks raise risks in the register.</Text>
      )}
      {withoutResidual > 0 && <Text>{withoutResidual} open risk(s) have no residual rating yet and are not on the residual map.</Text>}
    </section>
  );
}
