import { Button, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular, DeleteRegular, OpenRegular, RenameRegular } from '@fluentui/react-icons';
import { duplicateAssessment, exportAssessment } from '../../bundle/bundle-store';
import type { AssessmentRecord } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { useUiStore } from '../../stores/ui-store';
import { formatDate, messageOf } from './messages';

// Open is the row's main action and keeps its word; the others are icons named by their
// tooltip and accessible name, so the five fit on one line in a 1280-pixel window
const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  actionsColumn: { width: '232px' },
  open: { fontWeight: tokens.fontWeightSemibold },
  progress: { minWidth: '120px' },
});

const STATUS: Record<AssessmentRecord['status'], string> = { draft: 'Draft', 'in-progress': 'In progress', final: 'Final' };

interface Props {
  assessments: AssessmentRecord[];
  openAssessmentId: string | null;
  onRename: (a: AssessmentRecord) => void;
  onDelete: (a: AssessmentRecord) => void;
  onNotice: (n: { intent: 'success' | 'error'; text: string }) => void;
}

/** Recent assessments: client, status, progress, and what can be done with each. */
export function AssessmentTable({ assessments, openAssessmentId, onRename, onDelete, onNotice }: Props) {
  const styles = useStyles();
  const pack = useContentPack();
  const openAssessment = useUiStore((s) => s.openAssessment);
  const showArea = useUiStore((s) => s.showArea);
  const run = (work: () => Promise<string | null>, success: (r: string) => string) =>
    void work()
      .then((r) => r && onNotice({ intent: 'success', text: success(r) }))
      .catch((e: unknown) => onNotice({ intent: 'error', text: messageOf(e) }));
  return (
    <Table aria-label="Assessments" data-testid="assessment-list">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Client</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Progress</TableHeaderCell>
          <TableHeaderCell>Last changed</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {assessments.map((a) => (
          <TableRow key={a.id} data-testid="assessment-row" aria-current={a.id === openAssessmentId ? 'true' : undefined}>
            <TableCell>
              <span className={a.id === openAssessmentId ? styles.open : undefined} data-testid="assessment-name">
                {a.name}
              </span>
              {a.id === openAssessmentId && <Text size={200}> (open)</Text>}
            </TableCell>
            <TableCell>{a.client || '—'}</TableCell>
            <TableCell data-testid="assessment-status">{STATUS[a.status] ?? a.status}</TableCell>
            <TableCell className={styles.progress}>
              <Text size={200} data-testid="assessment-progress">
                {a.progress.answered}/{a.progress.total || '—'} answered
              </Text>
              <ProgressBar value={a.progress.total ? a.progress.answered / a.progress.total : 0} aria-label={`${a.name}: interview progress`} />
            </TableCell>
            <TableCell>{formatDate(a.updatedAt)}</TableCell>
            <TableCell>
              <div className={styles.actions}>
                <Button
                  size="small"
                  icon={<OpenRegular />}
                  onClick={() => {
                    openAssessment(a.id);
                    showArea('interview');
                  }}
                  aria-label={`Open ${a.name}`}
                >
                  Open
                </Button>
                <Button
                  size="small"
                  icon={<CopyRegular />}
                  onClick={() => run(() => duplicateAssessment(a.id, pack), () => `Duplicated “${a.name}”.`)}
                  aria-label={`Duplicate ${a.name}`}
                  title="Duplicate"
                />
                <Button
                  size="small"
                  icon={<ArrowDownloadRegular />}
                  onClick={() => run(() => exportAssessment(a.id), (file) => `Exported to ${file}.`)}
                  aria-label={`Export ${a.name}`}
                  title="Export to a .demarc.json file"
                />
                <Button size="small" icon={<RenameRegular />} onClick={() => onRename(a)} aria-label={`Rename ${a.name}`} title="Rename" />
                <Button size="small" icon={<DeleteRegular />} onClick={() => onDelete(a)} aria-label={`Delete ${a.name}`} title="Delete" />
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
