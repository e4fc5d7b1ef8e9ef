import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, SparkleRegular } from '@fluentui/react-icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { createDemoAssessment } from '../../bundle/bundle-store';
import { ScreenHeader } from '../../components/ScreenHeader';
import { createAssessment, deleteAssessment, listAssessments, renameAssessment, undoDelete } from '../../db/assessments-repository';
import type { AssessmentRecord } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { useDatabaseReady } from '../../hooks/use-database-ready';
import { useUiStore } from '../../stores/ui-store';
import { AssessmentTable } from './AssessmentTable';
import { ImportBundle } from './ImportBundle';
import { messageOf } from './messages';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

function RenameDialog({ assessment, onClose }: { assessment: AssessmentRecord; onClose: () => void }) {
  const [name, setName] = useState(assessment.name);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await renameAssessment(assessment.id, name);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Rename assessment</DialogTitle>
            <DialogContent>
              <Field label="Name" validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
                <Input value={name} onChange={(_e, data) => setName(data.value)} data-testid="rename-input" autoFocus />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" data-testid="rename-confirm">
                Rename
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function DeleteDialog({ assessment, onClose, onDeleted }: { assessment: AssessmentRecord; onClose: () => void; onDeleted: (a: AssessmentRecord) => void }) {
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await deleteAssessment(assessment.id);
      onDeleted(assessment);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{assessment.name}”?</DialogTitle>
          <DialogContent>
            This removes the assessment and everything recorded in it from this computer. You can undo until Demarc is restarted; export it first if
            you may need it later.
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="delete-cancel">
              Keep it
            </Button>
            <Button appearance="primary" onClick={() => void confirm()} data-testid="delete-confirm">
              Delete
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function AssessmentsScreen() {
  const styles = useStyles();
  const dbState = useDatabaseReady();
  const pack = useContentPack();
  const assessments = useLiveQuery(listAssessments, [], undefined);
  const openAssessmentId = useUiStore((s) => s.openAssessmentId);
  const openAssessment = useUiStore((s) => s.openAssessment);
  const [name, setName] = useState('');
  const [client, setClient] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<AssessmentRecord | null>(null);
  const [deleting, setDeleting] = useState<AssessmentRecord | null>(null);
  const [deleted, setDeleted] = useState<AssessmentRecord | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const record = await createAssessment({ name, client }, pack);
      setName('');
      setClient('');
      setCreateError(null);
      openAssessment(record.id);
    } catch (e) {
      setCreateError(messageOf(e));
    }
  };
  const createDemo = async () => {
    try {
      openAssessment(await createDemoAssessment(pack));
      setNotice({ intent: 'success', text: 'Created the Contoso Pharma demo assessment.' });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e) });
    }
  };
  const onDeleted = (a: AssessmentRecord) => {
    setDeleted(a);
    if (openAssessmentId === a.id) openAssessment(null);
  };

  if (dbState.status === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>The local database could not be opened: {dbState.message}</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <section className={styles.section} aria-labelledby="assessments-title">
      <ScreenHeader id="assessments-title" title="Assessments" />

      <form className={styles.form} onSubmit={create} aria-label="New assessment">
        <Field label="Assessment name" required validationMessage={createError ?? undefined} validationState={createError ? 'error' : 'none'}>
          <Input value={name} onChange={(_e, data) => setName(data.value)} data-testid="new-assessment-name" />
        </Field>
        <Field label="Client">
          <Input value={client} onChange={(_e, data) => setClient(data.value)} data-testid="new-assessment-client" />
        </Field>
        <Button appearance="primary" icon={<AddRegular />} type="submit" data-testid="create-assessment">
          Create assessment
        </Button>
        <Button icon={<SparkleRegular />} onClick={() => void createDemo()} data-testid="create-demo">
          Create from the demo
        </Button>
      </form>

      <ImportBundle onImported={(id) => openAssessment(id)} />

      {deleted && (
        <MessageBar intent="info" data-testid="undo-bar">
          <MessageBarBody>Deleted “{deleted.name}”.</MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                void undoDelete(deleted.id);
                setDeleted(null);
              }}
              data-testid="undo-delete"
            >
              Undo
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="assessments-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}

      {assessments === undefined ? (
        <Spinner label="Loading assessments…" />
      ) : assessments.length === 0 ? (
        <Text data-testid="no-assessments">No assessments yet. Create one to start a workshop.</Text>
      ) : (
        <AssessmentTable
          assessments={assessments}
          openAssessmentId={openAssessmentId}
          onRename={setRenaming}
          onDelete={setDeleting}
          onNotice={setNotice}
        />
      )}

      {renaming && <RenameDialog assessment={renaming} onClose={() => setRenaming(null)} />}
      {deleting && <DeleteDialog assessment={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />}
    </section>
  );
}
