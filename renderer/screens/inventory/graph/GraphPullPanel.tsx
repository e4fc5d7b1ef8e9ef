import { Badge, Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { endpointProblem } from '../../../../core/azure/endpoint';
import { GRAPH_COLLECTIONS } from '../../../../core/graph/collections';
import type { CollectionState, GraphPullState } from '../../../hooks/use-graph-pull';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

function describe(c: CollectionState): { text: string; color: 'informative' | 'success' | 'warning' | 'subtle'; detail?: string } {
  switch (c.state) {
    case 'waiting':
      return { text: 'waiting', color: 'subtle' };
    case 'reading':
      return { text: c.note ? `reading (${c.note})` : 'reading…', color: 'informative' };
    case 'done':
      return { text: `${c.rows.toLocaleString()} object(s), ${c.pages} page(s)`, color: 'success' };
    case 'gap':
      return { text: `gap (${c.gap.kind})`, color: 'warning', detail: `HTTP ${c.gap.httpStatus ?? '-'} ${c.gap.code}: ${c.gap.message}` };
  }
}

/** Each collection of a Graph pull: waiting, reading, read (objects, pages) or a gap with Graph's reason. */
export function GraphPullProgress({ state, onCancel }: { state: GraphPullState; onCancel: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.block} data-testid="graph-pull-progress" data-phase={state.phase} aria-live="polite">
      <Table size="extra-small" aria-label="Microsoft Graph collections">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Collection</TableHeaderCell>
            <TableHeaderCell>Progress</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {GRAPH_COLLECTIONS.map((c) => {
            const d = describe(state.collections[c.id]);
            return (
              <TableRow key={c.id} data-testid="graph-collection" data-collection={c.id} data-state={state.collections[c.id].state}>
                <TableCell>{c.id}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={d.color}>
                    {d.text}
                  </Badge>
                  {d.detail && <Text size={200}> {d.detail}</Text>}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {state.phase === 'running' && (
        <div>
          <Button onClick={onCancel} data-testid="graph-cancel-pull">
            Cancel Graph pull
          </Button>
        </div>
      )}
      {state.phase === 'checking' && <Text>Running the Graph checks…</Text>}
      {state.status && (
        <Text>
          Graph pull <Badge color={state.status === 'complete' ? 'success' : 'danger'} data-testid="graph-pull-status">{state.status}</Badge>
          {state.phase === 'done' && state.status === 'complete' ? ` — checks done.${state.note ? ` ${state.note}` : ''}` : ''}
        </Text>
      )}
    </div>
  );
}

/**
 * Starts a Graph pull on the current sign-in. A custom cloud has no known Graph: its root is
 * asked for here (main checks it again).
 */
export function GraphPullStart({ customCloud, busy, onPull }: { customCloud: boolean; busy: boolean; onPull: (graphEndpoint: string | undefined) => void }) {
  const styles = useStyles();
  const [endpoint, setEndpoint] = useState('');
  const trimmed = endpoint.trim();
  const problem = customCloud && trimmed !== '' ? endpointProblem(trimmed, { anyPort: true }) : undefined;
  const ready = !busy && (!customCloud || (trimmed !== '' && !problem));
  return (
    <div className={styles.row}>
      {customCloud && (
        <Field label="Microsoft Graph endpoint" validationMessage={problem ? `The address ${problem}.` : undefined} hint="For example https://graph.microsoft.us">
          <Input value={endpoint} onChange={(_e, d) => setEndpoint(d.value)} data-testid="graph-endpoint" />
        </Field>
      )}
      <Button appearance="primary" disabled={!ready} onClick={() => onPull(customCloud ? trimmed : undefined)} data-testid="graph-start-pull">
        Pull from Microsoft Graph
      </Button>
    </div>
  );
}
