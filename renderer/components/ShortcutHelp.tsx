import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { isTypingTarget } from '../hooks/use-interview-keys';

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: '1 … 9', action: 'Interview: select (or toggle) that choice' },
  { keys: 'Enter', action: 'Interview: next question' },
  { keys: 'Ctrl+Enter', action: 'Interview: next question, even from the notes' },
  { keys: 'Backspace or B', action: 'Interview: previous question' },
  { keys: 'S', action: 'Interview: skip this question' },
  { keys: 'N', action: 'Interview: mark not applicable (again to clear)' },
  { keys: 'U', action: 'Interview: jump to the next unanswered question' },
  { keys: 'Alt+1 … Alt+9', action: 'Go to an area, in the order of the list (Assessments, Engagement, Interview, …, Incident response)' },
  { keys: 'Alt+0', action: 'Go to the Report' },
  { keys: 'Ctrl+, (⌘+, on a Mac)', action: 'Go to the Settings' },
  { keys: '?', action: 'Show these shortcuts' },
];

// the button sits on the brand-coloured header: Fluent's transparent button is dark grey (and
// brand blue on hover), which all but disappears on it, so it takes the header's own text colour
const useStyles = makeStyles({
  onBrand: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
  },
});

/** The "?" help: the keyboard shortcuts, listed on screen. */
export function ShortcutHelp() {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTypingTarget(event.target)) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button appearance="transparent" className={styles.onBrand} icon={<KeyboardRegular />} onClick={() => setOpen(true)} aria-label="Keyboard shortcuts (?)" data-testid="shortcut-help-button">
        ?
      </Button>
      <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Keyboard shortcuts</DialogTitle>
            <DialogContent>
              <Table aria-label="Keyboard shortcuts" size="small" data-testid="shortcut-list">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Keys</TableHeaderCell>
                    <TableHeaderCell>Action</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {SHORTCUTS.map((s) => (
                    <TableRow key={s.keys}>
                      <TableCell>
                        <kbd>{s.keys}</kbd>
                      </TableCell>
                      <TableCell>{s.action}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setOpen(false)}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
