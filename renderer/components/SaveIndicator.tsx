import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSaveStateStore } from '../stores/save-state-store';

// the indicator sits on the brand-coloured header, where red text is unreadable: an error is
// white on a red pill instead
const useStyles = makeStyles({
  error: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorPaletteRedBackground3,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    // a long message must not squeeze the header: one line, the whole of it in the tooltip
    maxWidth: '48ch',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

/** "Saving…" while a write is queued, "Saved" once everything is in the database. */
export function SaveIndicator() {
  const styles = useStyles();
  const pending = useSaveStateStore((s) => s.pending);
  const error = useSaveStateStore((s) => s.error);
  const state = error ? 'error' : pending > 0 ? 'saving' : 'saved';
  return (
    <Text size={200} role="status" aria-live="polite" data-testid="save-state" data-state={state} className={error ? styles.error : undefined} title={error ? `Not saved: ${error}` : undefined}>
      {error ? `Not saved: ${error}` : pending > 0 ? 'Saving…' : 'Saved'}
    </Text>
  );
}
