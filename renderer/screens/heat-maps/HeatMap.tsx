import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RiskMatrix } from '../../../core/content/schemas';

const LEVEL_STYLE: Record<string, { backgroundColor: string; pattern: string }> = {
  low: { backgroundColor: tokens.colorPaletteGreenBackground2, pattern: '' },
  medium: { backgroundColor: tokens.colorPaletteYellowBackground2, pattern: '·' },
  high: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2, pattern: '··' },
  'very-high': { backgroundColor: tokens.colorPaletteRedBackground2, pattern: '···' },
};

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // a cell (narrow padding, below) holds its longest level ("Very high ···") on one line, and the
  // two maps still stand side by side in a 1280-pixel window
  grid: { display: 'grid', gridTemplateColumns: '104px repeat(5, 72px)', gap: '3px', alignItems: 'stretch' },
  axis: { fontSize: tokens.fontSizeBase200, display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center' },
  cell: {
    height: '64px',
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    display: 'flex',
    flexDirection: 'column',
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    ':hover': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  // the corner names both axes, one per line (one line wrapped the arrow on its own)
  corner: { flexDirection: 'column' },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, lineHeight: tokens.lineHeightBase500 },
  level: { fontSize: tokens.fontSizeBase100, whiteSpace: 'nowrap' },
});

/**
 * A 5x5 likelihood x impact grid with the number of risks in each cell. Every cell says
 * its count and level in text, so it reads in greyscale; a click filters the register.
 */
export function HeatMap({ title, kind, matrix, counts, onPick }: { title: string; kind: 'inherent' | 'residual'; matrix: RiskMatrix; counts: number[][]; onPick: (likelihood: number, impact: number) => void }) {
  const styles = useStyles();
  const likelihoods = [5, 4, 3, 2, 1];
  const impacts = [1, 2, 3, 4, 5];
  const label = (id: string) => matrix.levels.find((l) => l.id === id)?.label ?? id;
  return (
    <figure className={styles.figure} data-testid={`heat-map-${kind}`}>
      <figcaption>
        <Text weight="semibold" size={400}>
          {title}
        </Text>
      </figcaption>
      <div className={styles.grid} role="grid" aria-label={`${title}: likelihood (rows) by impact (columns)`}>
        {likelihoods.map((l) => (
          <div role="row" key={l} style={{ display: 'contents' }}>
            <div role="rowheader" className={styles.axis}>
              {l} {matrix.likelihood[l - 1]?.label}
            </div>
            {impacts.map((i) => {
              const level = matrix.grid[l - 1]?.[i - 1] ?? '';
              const count = counts[l - 1]?.[i - 1] ?? 0;
              const look = LEVEL_STYLE[level] ?? { backgroundColor: tokens.colorNeutralBackground3, pattern: '' };
              return (
                <div role="gridcell" key={i}>
                  <Button
                    className={styles.cell}
                    style={{ backgroundColor: look.backgroundColor, width: '100%' }}
                    onClick={() => onPick(l, i)}
                    title={`Show these ${count} risk(s) in the register`}
                    data-testid={`cell-${kind}-${l}-${i}`}
                    data-count={count}
                  >
                    <span className="visually-hidden">
                      {title}, likelihood {l} {matrix.likelihood[l - 1]?.label}, impact {i} {matrix.impact[i - 1]?.label}:{' '}
                    </span>
                    <span className={styles.count}>{count}</span>
                    <span className="visually-hidden"> risk(s), </span>
                    <span className={styles.level}>
                      {label(level)} {look.pattern}
                    </span>
                  </Button>
                </div>
              );
            })}
          </div>
        ))}
        <div role="row" style={{ display: 'contents' }}>
          <div role="columnheader" className={mergeClasses(styles.axis, styles.corner)}>
            <span>Likelihood ↑</span>
            <span>Impact →</span>
          </div>
          {impacts.map((i) => (
            <div role="columnheader" key={i} className={styles.axis}>
              {i} {matrix.impact[i - 1]?.label}
            </div>
          ))}
        </div>
      </div>
    </figure>
  );
}
