import { Textarea, makeStyles, mergeClasses, type TextareaProps } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';

const useStyles = makeStyles({
  // the box takes its column's width (Fluent's textarea asks for 250px), not its own
  root: { minWidth: '0', width: '100%' },
  // one line when the value fits, as many as it needs when it does not: a long role, email
  // address or contract clause is read whole in a narrow column, with no scrolling sideways
  text: { fieldSizing: 'content', minHeight: '0', overflowWrap: 'anywhere', resize: 'none' },
});

/**
 * A one-line text value in a table cell that wraps instead of being cut off: a textarea that
 * grows with its text. The value stays one line: Enter adds no line break.
 */
export function GrowingText({ className, onKeyDown, ...props }: Omit<TextareaProps, 'rows' | 'resize' | 'textarea'>) {
  const styles = useStyles();
  const keepOneLine = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter') event.preventDefault();
    onKeyDown?.(event);
  };
  return <Textarea {...props} rows={1} className={mergeClasses(styles.root, className)} textarea={{ className: styles.text }} onKeyDown={keepOneLine} />;
}
