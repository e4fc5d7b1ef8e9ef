import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import { importBundleText, type ImportResult } from '../../bundle/bundle-store';
import { useContentPack } from '../../hooks/use-content-pack';
import { messageOf } from './messages';

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
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto' },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

/** Import of a `.demarc.json` bundle, by file picker or drag and drop; lists every problem. */
export function ImportBundle({ onImported }: { onImported: (assessmentId: string) => void }) {
  const styles = useStyles();
  const pack = useContentPack();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | { ok: false; errors: { path: string; message: string }[] } | null>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const outcome = await importBundleText(await file.text(), pack);
      setResult(outcome);
      if (outcome.ok) onImported(outcome.assessmentId);
    } catch (e) {
      setResult({ ok: false, errors: [{ path: '(root)', message: messageOf(e) }] });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void importFile(event.dataTransfer.files[0]);
  };

  return (
    <div>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="bundle-drop-zone"
      >
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()} disabled={busy} data-testid="import-bundle">
          Import assessment…
        </Button>
        <Text>or drop a .demarc.json file here</Text>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Assessment bundle file"
          onChange={(e) => void importFile(e.target.files?.[0])}
          data-testid="import-bundle-input"
        />
      </div>
      {result && !result.ok && (
        <MessageBar intent="error" layout="multiline" data-testid="import-errors">
          <MessageBarBody>
            <MessageBarTitle>Nothing was imported: the file has {result.errors.length} problem(s).</MessageBarTitle>
            <ul className={styles.errors}>
              {result.errors.map((e, i) => (
                <li key={i} data-testid="import-error">
                  <span className={styles.path}>{e.path}</span>: {e.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <MessageBar intent="success" data-testid="import-success">
          <MessageBarBody>Imported “{result.name}”.</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
