import { Button } from '@fluentui/react-components';
import { useUiStore, type ResizableTable } from '../stores/ui-store';

/** Gives a table's columns back their default widths; disabled while none was changed. */
export function ResetColumnWidths({ table }: { table: ResizableTable }) {
  const changed = useUiStore((s) => Object.keys(s.columnWidths[table] ?? {}).length > 0);
  const reset = useUiStore((s) => s.resetColumnWidths);
  return (
    <Button appearance="subtle" size="small" disabled={!changed} onClick={() => reset(table)} data-testid={`reset-widths-${table}`}>
      Reset column widths
    </Button>
  );
}
