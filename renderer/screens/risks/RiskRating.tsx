import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RiskRecord } from '../../db/database';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

/** Why the risk is rated as it is: the template's baseline, each engine adjustment, and whether the consultant's score replaced the engine's. */
export function RiskRating({ risk }: { risk: RiskRecord }) {
  const styles = useStyles();
  const rating = risk.rating;
  if (risk.origin === 'manual') return <Text data-testid="rating-basis">Scored by hand when it was added.</Text>;
  if (!rating) return <Text data-testid="rating-basis">Rated before the engine recorded its reasons; refresh the register to see them.</Text>;
  const overridden = (['likelihood', 'impact'] as const).filter((s) => risk[s] !== rating[s]);
  return (
    <div data-testid="rating-basis">
      <Text>
        Template baseline: likelihood {rating.baseline.likelihood}, impact {rating.baseline.impact}.
        {rating.adjustments.length === 0 ? ' The engine made no adjustment.' : ' The engine adjusted it:'}
      </Text>
      {rating.adjustments.length > 0 && (
        <ul className={styles.list}>
          {rating.adjustments.map((a, i) => (
            <li key={i} data-testid="rating-adjustment" data-factor={a.factor}>
              {a.reason}
            </li>
          ))}
        </ul>
      )}
      {overridden.length > 0 && (
        <Text data-testid="rating-overridden">
          Your score replaces the engine&apos;s ({overridden.map((s) => `${s} ${rating[s]} → ${risk[s]}`).join(', ')}); re-derivation keeps it.
        </Text>
      )}
    </div>
  );
}
