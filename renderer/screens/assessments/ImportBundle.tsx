import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FileDropZone } from '../../components/FileDropZone';
import { importBundleFile, type ImportResult } from '../../bundle/bundle-store';
import { useContentPack } from '../../hooks/use-content-pack';
import { messageOf } from './messages';

const useStyles = makeStyles({
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto' },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

/** Import of a `.demarc.json` bundle, by file picker or drag and drop; lists every problem. */
export function ImportBundle({ onImported }: { onImported: (assessmentId: string) => void }) {
  const styles = useStyles();
  const pack = useContentPack();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | { ok: false; errors: { path: string; message: string }[] } | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const outcome = await importBundleFile(file, pack);
      setResult(outcome);
      if (outcome.ok) onImported(outcome.assessmentId);
    } catch (e) {
      setResult({ ok: false, errors: [{ path: '(root)', message: messageOf(e) }] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <FileDropZone
        buttonLabel="Import assessment…"
        icon={<ArrowUploadRegular />}
        hint="or drop a .demarc.json file here"
        accept=".json,application/json"
        inputLabel="Assessment bundle file"
        disabled={busy}
        onFile={importFile}
        testId="import-bundle"
      />
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
          <MessageBarBody>
            Imported “{result.name}”.{result.note ? ` ${result.note}` : ''}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
