import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDownRegular, DocumentRegular, FolderOpenRegular, OpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ReportProgress } from '../../../core/report/build';
import type { ChannelResponse } from '../../../core/ipc/contract';
import type { TemplateFile } from '../../../core/report/template';
import { callMain } from '../../bridge/demarc-client';
import { dumpToBundle } from '../../bundle/bundle-mapping';
import { bundleFileName, readDump } from '../../bundle/bundle-store';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useContentPack } from '../../hooks/use-content-pack';
import { DeliverableSettingsPanel } from './DeliverableSettingsPanel';
import { PreflightPanel } from './PreflightPanel';
import { SkippedTemplateFiles } from './SkippedTemplateFiles';
import { usePreflight } from './use-preflight';
import type { AssessmentRecord } from '../../db/database';
import { startReportBuild, type BuiltReportFiles, type ReportBuild } from '../../workers/report-client';

type SkippedEntries = ChannelResponse<'file:choose-report-template'>['skipped'];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

const PHASES: Record<ReportProgress['phase'], string> = {
  model: 'Working out the report from the assessment',
  render: 'Writing the sections',
  pack: 'Packaging the Word document',
  done: 'Done',
};

interface SavedDocument {
  label: string;
  fileName: string;
  documentId: string;
}

type BuildState =
  | { status: 'idle' }
  | { status: 'building'; progress: ReportProgress | null }
  | { status: 'built'; files: BuiltReportFiles }
  | { status: 'failed'; message: string };

/** The file names a report is saved under, from the assessment's name. */
function reportNames(assessmentName: string) {
  const base = bundleFileName(assessmentName).replace(/\.demarc\.json$/i, '');
  return { report: `${base} - report.docx`, irPlan: `${base} - incident response plan.docx`, csv: `${base} - risk register.csv` };
}

/**
 * Generates the client deliverable: options, a build off the UI thread with progress and
 * cancel, saving through main's dialog, and opening the saved file in its application.
 */
export function ReportScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const [mask, setMask] = useState(true);
  const [state, setState] = useState<BuildState>({ status: 'idle' });
  const [saved, setSaved] = useState<SavedDocument[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [template, setTemplate] = useState<{ folderName: string; files: TemplateFile[]; skipped: SkippedEntries } | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const build = useRef<ReportBuild | null>(null);
  const names = reportNames(assessment.name);
  const pack = useContentPack();
  const checked = usePreflight(assessment.id, pack, template?.files);

  const generate = async () => {
    setSaved([]);
    setSaveError(null);
    setState({ status: 'building', progress: null });
    try {
      const bundle = dumpToBundle(await readDump(assessment.id));
      // depth, IR plan, status, version and sign-off travel in the bundle's deliverable settings
      build.current = startReportBuild(
        bundle,
        { mask },
        (progress) => setState({ status: 'building', progress }),
        template?.files,
      );
      const files = await build.current.result;
      setState({ status: 'built', files });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      build.current = null;
    }
  };

  const chooseTemplate = async () => {
    setTemplateError(null);
    try {
      const chosen = await callMain('file:choose-report-template', {});
      if (chosen.chosen && chosen.folderName) setTemplate({ folderName: chosen.folderName, files: chosen.files, skipped: chosen.skipped });
    } catch (error) {
      setTemplateError(error instanceof Error ? error.message : String(error));
    }
  };

  const save = async (label: string, kind: 'report' | 'register-csv', suggestedName: string, bytes: Uint8Array) => {
    setSaveError(null);
    try {
      // Bytes from the worker and from TextEncoder are backed by plain ArrayBuffers.
      const result = await callMain('file:save-document', { kind, suggestedName, bytes: bytes as Uint8Array<ArrayBuffer> });
      if (result.saved && result.fileName && result.documentId) {
        const entry = { label, fileName: result.fileName, documentId: result.documentId };
        setSaved((list) => [...list.filter((s) => s.label !== label), entry]);
      }
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const open = async (document: SavedDocument) => {
    setSaveError(null);
    try {
      await callMain('file:open-document', { documentId: document.documentId });
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const building = state.status === 'building';
  return (
    <section className={styles.section} aria-labelledby="report-title">
      <ScreenHeader
        id="report-title"
        title="Report"
        description="The client deliverable: a Word report with the tailored incident response plan, and the register as CSV."
      />

      {checked.settings !== undefined && <DeliverableSettingsPanel key={assessment.id} assessmentId={assessment.id} stored={checked.settings} disabled={building} />}
      <Divider />
      <Switch
        checked={mask}
        onChange={(_e, data) => setMask(data.checked)}
        disabled={building}
        label="Mask tenant and subscription ids"
        data-testid="report-mask"
      />
      <Field label="Report template" validationMessage={templateError ?? undefined} validationState={templateError ? 'error' : 'none'}>
        <div className={styles.row}>
          <Text data-testid="report-template">{template ? `${template.folderName} (${template.files.length} files)` : 'Default (bundled)'}</Text>
          <Button icon={<FolderOpenRegular />} onClick={() => void chooseTemplate()} disabled={building} data-testid="choose-template">
            Choose folder…
          </Button>
          {template && (
            <Button onClick={() => setTemplate(null)} disabled={building}>
              Use the default
            </Button>
          )}
        </div>
      </Field>
      {template && <SkippedTemplateFiles folderName={template.folderName} skipped={template.skipped} />}

      <Divider />
      <PreflightPanel assessmentId={assessment.id} result={checked.result} consultant={assessment.engagement.consultants[0]} onRefresh={checked.refresh} />
      {checked.error && (
        <MessageBar intent="error">
          <MessageBarBody>The pre-flight check could not run: {checked.error}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.row}>
        <Button appearance="primary" icon={<DocumentRegular />} onClick={() => void generate()} disabled={building} data-testid="generate-report">
          Generate report
        </Button>
        {checked.result && checked.result.open > 0 && !building && (
          <Text data-testid="preflight-open-note">
            {checked.result.open} pre-flight item(s) open{checked.result.openBlockers > 0 ? `, ${checked.result.openBlockers} blocker(s)` : ''}.
          </Text>
        )}
        {building && (
          <Button onClick={() => build.current?.cancel()} data-testid="cancel-report">
            Cancel
          </Button>
        )}
      </div>

      {state.status === 'building' && (
        <Field
          validationMessage={state.progress ? `${PHASES[state.progress.phase]}${state.progress.detail ? ` — ${state.progress.detail}` : ''}` : 'Starting…'}
          validationState="none"
        >
          <ProgressBar value={state.progress?.fraction ?? 0} max={1} aria-label="Report progress" data-testid="report-progress" />
        </Field>
      )}

      {state.status === 'failed' && (
        <MessageBar intent="error" data-testid="report-error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}

      {state.status === 'built' && (
        <MessageBar intent="success" data-testid="report-built">
          <MessageBarBody>
            Report ready: {state.files.summary.risks} risks, {state.files.summary.playbooks} incident playbooks
            {state.files.summary.masked ? ', ids masked' : ''} ({(state.files.summary.milliseconds / 1000).toFixed(1)} s).
          </MessageBarBody>
          <MessageBarActions>
            <Button icon={<DocumentArrowDownRegular />} onClick={() => void save('Report', 'report', names.report, state.files.report)} data-testid="save-report">
              Save report…
            </Button>
            {state.files.irPlan && (
              <Button
                icon={<DocumentArrowDownRegular />}
                onClick={() => state.files.irPlan && void save('Incident response plan', 'report', names.irPlan, state.files.irPlan)}
                data-testid="save-ir-plan"
              >
                Save IR plan…
              </Button>
            )}
            <Button
              icon={<DocumentArrowDownRegular />}
              onClick={() => void save('Risk register', 'register-csv', names.csv, new TextEncoder().encode(state.files.registerCsv))}
              data-testid="save-register-csv"
            >
              Save register (CSV)…
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {saveError && (
        <MessageBar intent="error">
          <MessageBarBody>{saveError}</MessageBarBody>
        </MessageBar>
      )}

      {saved.length > 0 && (
        <ul aria-label="Saved documents" data-testid="saved-documents">
          {saved.map((document) => (
            <li key={document.documentId}>
              <Text>
                {document.label}: {document.fileName}{' '}
              </Text>
              <Button size="small" icon={<OpenRegular />} onClick={() => void open(document)} aria-label={`Open ${document.fileName}`}>
                Open
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
