import { Badge, Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PullState } from '../../../hooks/use-azure-pull';

const useStyles = makeStyles({ block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

const COLOR = { complete: 'success', partial: 'warning', cancelled: 'danger' } as const;

/** Pages, rows, per-table counts and ETA of a running pull; its outcome when done. */
export function PullProgress({ state, onCancel }: { state: PullState; onCancel: () => void }) {
  const styles = useStyles();
  const done = state.totalPages;
  const total = state.pagesRemaining === null ? null : done + state.pagesRemaining;
  return (
    <div className={styles.block} data-testid="azure-pull-progress" data-phase={state.phase} aria-live="polite">
      <Text>
        {state.totalRows.toLocaleString()} rows in {done} page(s)
        {total !== null && state.phase === 'running' ? ` of about ${total}` : ''}
        {state.etaSeconds !== null && state.phase === 'running' ? `, about ${Math.ceil(state.etaSeconds)} s left` : ''}
      </Text>
      {state.phase === 'running' && <ProgressBar value={total ? done / total : undefined} aria-label="Pull progress" />}
      <Text size={200}>
        {Object.entries(state.perTable)
          .map(([q, t]) => `${q}: ${t.rows.toLocaleString()} rows`)
          .join(' · ')}
      </Text>
      {state.note && <Text size={200}>{state.note}</Text>}
      {state.phase === 'running' && (
        <div>
          <Button onClick={onCancel} data-testid="azure-cancel-pull">
            Cancel pull
          </Button>
        </div>
      )}
      {state.phase === 'checking' && <Text>Running the checks…</Text>}
      {state.status && (
        <Text>
          Snapshot <Badge color={COLOR[state.status]} data-testid="azure-pull-status">{state.status}</Badge>
          {state.phase === 'done' && state.status !== 'cancelled' ? ' — checks done.' : ''}
        </Text>
      )}
      {state.errors.length > 0 && (
        <ul data-testid="azure-pull-errors">
          {state.errors.map((e, i) => (
            <li key={i}>
              {e.scope}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
