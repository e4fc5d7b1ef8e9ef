import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { GrowingText } from '../../components/GrowingText';

/** A column of a rows editor: the row field it edits and its header. */
export interface RowColumn<K extends string> {
  key: K;
  label: string;
  placeholder?: string;
  /** share of the table's width, e.g. '50%' (the rest is split evenly) */
  width?: string;
}

// a field that wraps onto a second line makes its row taller: the others stay at the top with it
const useStyles = makeStyles({ cell: { verticalAlign: 'top' }, remove: { width: '48px' } });

/** The header of a table's remove-button column: narrow, named for screen readers only. */
export function RemoveHeaderCell() {
  const styles = useStyles();
  return (
    <TableHeaderCell className={styles.remove}>
      <span className="visually-hidden">Remove</span>
    </TableHeaderCell>
  );
}

/**
 * A small table of text rows (decision rights, contractual clocks), whose fields wrap to show
 * long text whole: every change hands the whole list back, so the caller writes it through the queue in one command.
 */
export function RowsEditor<K extends string>({
  name,
  columns,
  rows,
  onChange,
  empty,
  testId,
}: {
  /** what one row is, for labels: "decision right" */
  name: string;
  columns: readonly RowColumn<K>[];
  rows: readonly Record<K, string>[];
  onChange: (rows: Record<K, string>[]) => void;
  empty: string;
  testId: string;
}) {
  const styles = useStyles();
  const blank = Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<K, string>;
  const set = (index: number, key: K, text: string) => onChange(rows.map((r, i) => (i === index ? { ...r, [key]: text } : r)));
  return (
    <div data-testid={testId}>
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table size="small">
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c.key} style={c.width ? { width: c.width } : undefined}>
                  {c.label}
                </TableHeaderCell>
              ))}
              <RemoveHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, i) => (
              <TableRow key={i} data-testid={`${testId}-row`}>
                {columns.map((c) => (
                  <TableCell key={c.key} className={styles.cell}>
                    <GrowingText
                      aria-label={`${name} ${i + 1} ${c.label.toLowerCase()}`}
                      value={row[c.key]}
                      placeholder={c.placeholder}
                      onChange={(_e, d) => set(i, c.key, d.value)}
                      data-testid={`${testId}-${c.key}`}
                    />
                  </TableCell>
                ))}
                <TableCell className={styles.cell}>
                  <Button icon={<DeleteRegular />} aria-label={`Remove ${name} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Button icon={<AddRegular />} onClick={() => onChange([...rows, blank])} data-testid={`${testId}-add`}>
        Add {name}
      </Button>
    </div>
  );
}
