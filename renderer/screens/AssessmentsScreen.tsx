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
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, OpenRegular, RenameRegular } from '@fluentui/react-icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { ZodError } from 'zod';
import {
  createAssessment,
  deleteAssessment,
  listAssessments,
  renameAssessment,
} from '../db/assessments-repository';
import type { AssessmentRecord } from '../db/database';
import { useDatabaseReady } from '../hooks/use-database-ready';
import { useUiStore } from '../stores/ui-store';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  open: { fontWeight: tokens.fontWeightSemibold },
});

function messageOf(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((i) => i.message).join(' ');
  return error instanceof Error ? error.message : String(error);
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

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

function DeleteDialog({ assessment, onClose }: { assessment: AssessmentRecord; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const openAssessmentId = useUiStore((s) => s.openAssessmentId);
  const openAssessment = useUiStore((s) => s.openAssessment);
  const confirm = async () => {
    try {
      await deleteAssessment(assessment.id);
      if (openAssessmentId === assessment.id) openAssessment(null);
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
            This removes the assessment and everything recorded in it from this computer. Export it first if you may need it
            again.
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
  const assessments = useLiveQuery(listAssessments, [], undefined);
  const openAssessmentId = useUiStore((s) => s.openAssessmentId);
  const openAssessment = useUiStore((s) => s.openAssessment);
  const [name, setName] = useState('');
  const [client, setClient] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<AssessmentRecord | null>(null);
  const [deleting, setDeleting] = useState<AssessmentRecord | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const record = await createAssessment({ name, client });
      setName('');
      setClient('');
      setCreateError(null);
      openAssessment(record.id);
    } catch (e) {
      setCreateError(messageOf(e));
    }
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
      <Title2 as="h2" id="assessments-title">
        Assessments
      </Title2>

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
      </form>

      {assessments === undefined ? (
        <Spinner label="Loading assessments…" />
      ) : assessments.length === 0 ? (
        <Text data-testid="no-assessments">No assessments yet. Create one to start a workshop.</Text>
      ) : (
        <Table aria-label="Assessments" data-testid="assessment-list">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Client</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Last changed</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {assessments.map((assessment) => (
              <TableRow key={assessment.id} data-testid="assessment-row" aria-current={assessment.id === openAssessmentId ? 'true' : undefined}>
                <TableCell>
                  <span className={assessment.id === openAssessmentId ? styles.open : undefined} data-testid="assessment-name">
                    {assessment.name}
                  </span>
                  {assessment.id === openAssessmentId && <Text size={200}> (open)</Text>}
                </TableCell>
                <TableCell>{assessment.client || '—'}</TableCell>
                <TableCell>{assessment.status}</TableCell>
                <TableCell>{formatDate(assessment.updatedAt)}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" icon={<OpenRegular />} onClick={() => openAssessment(assessment.id)} aria-label={`Open ${assessment.name}`}>
                      Open
                    </Button>
                    <Button size="small" icon={<RenameRegular />} onClick={() => setRenaming(assessment)} aria-label={`Rename ${assessment.name}`}>
                      Rename
                    </Button>
                    <Button size="small" icon={<DeleteRegular />} onClick={() => setDeleting(assessment)} aria-label={`Delete ${assessment.name}`}>
                      Delete
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {renaming && <RenameDialog assessment={renaming} onClose={() => setRenaming(null)} />}
      {deleting && <DeleteDialog assessment={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
