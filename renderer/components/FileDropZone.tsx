import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent, type ReactElement, type ReactNode } from 'react';

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

export interface FileDropZoneProps {
  /** The button's text, e.g. "Import inventory file…". */
  buttonLabel: string;
  icon: ReactElement;
  /** One line under the button: what may be dropped. */
  hint: string;
  /** The hidden input's `accept` and accessible name. */
  accept: string;
  inputLabel: string;
  disabled: boolean;
  /** Called with the picked or dropped file; the input is reset once it settles. */
  onFile: (file: File) => Promise<void>;
  /** When given, several files may be picked or dropped and all go here (`onFile` then gets none). */
  onFiles?: (files: File[]) => Promise<void>;
  /** `data-testid` prefix: `<prefix>-drop-zone`, `<prefix>` (button), `<prefix>-input`. */
  testId: string;
  /** Shown inside the zone after the hint (e.g. a progress spinner). */
  children?: ReactNode;
}

/** A file picker button that also accepts a file dropped on it. */
export function FileDropZone({ buttonLabel, icon, hint, accept, inputLabel, disabled, onFile, onFiles, testId, children }: FileDropZoneProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0 || disabled) return;
    void (onFiles ? onFiles(files) : onFile(files[0]!)).finally(() => {
      if (input.current) input.current.value = '';
    });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };

  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={`${testId}-drop-zone`}
    >
      <Button icon={icon} onClick={() => input.current?.click()} disabled={disabled} data-testid={testId}>
        {buttonLabel}
      </Button>
      <Text>{hint}</Text>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={inputLabel}
        multiple={onFiles !== undefined}
        onChange={(e) => take(e.target.files)}
        data-testid={`${testId}-input`}
      />
      {children}
    </div>
  );
}
