import { Card, Divider, Field, Input, Select, Text, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ContentPack } from '../../../core/content/types';
import { treatmentLabel } from '../../content/vocabulary-labels';
import type { RiskRecord } from '../../db/database';
import { editableOf, TREATMENTS, type RiskEdit } from '../../db/risks-repository';
import { queueCommand } from '../../db/write-queue';
import { useQueuedField } from '../../hooks/use-queued-field';
import { useUiStore } from '../../stores/ui-store';
import { DeleteManualRisk } from './DeleteManualRisk';
import { OwnerOverride } from './OwnerOverride';
import { RiskEvidence } from './RiskEvidence';
import { RiskRating } from './RiskRating';
import { levelLabel } from './risk-view';

const useStyles = makeStyles({
  // no height of its own: the split pane (or the drawer) around it scrolls
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { overflowWrap: 'anywhere' },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const SCALE = [1, 2, 3, 4, 5];

function ScoreSelect({ label, value, onChange, testId, optional }: { label: string; value: number | null; onChange: (v: number | null) => void; testId: string; optional?: boolean }) {
  return (
    <Field label={label}>
      <Select value={value === null ? '' : String(value)} onChange={(_e, d) => onChange(d.value ? Number(d.value) : null)} data-testid={testId}>
        {optional && <option value="">Not set</option>}
        {SCALE.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function TextEdit({ risk, field, label, testId, multiline, type = 'text', by }: { risk: RiskRecord; field: 'notes' | 'actionOwner' | 'acceptedBy'; label: string; testId: string; multiline?: boolean; type?: 'text'; by: string }) {
  const stored = editableOf(risk)[field];
  const [value, setValue, error] = useQueuedField(`risk:${risk.assessmentId}:${risk.id}:${field}`, stored, (v) => ({
    kind: 'risk-edit',
    assessmentId: risk.assessmentId,
    riskId: risk.id,
    edit: { [field]: v },
    by,
  }));
  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
      {multiline ? (
        <Textarea value={value} onChange={(_e, d) => setValue(d.value)} rows={4} resize="vertical" data-testid={testId} />
      ) : (
        <Input type={type} value={value} onChange={(_e, d) => setValue(d.value)} data-testid={testId} />
      )}
    </Field>
  );
}

/** Edits one risk: scores, treatment, residual, acceptance, action owner, due date, notes, owner. */
export function RiskDetail({ risk, pack }: { risk: RiskRecord; pack: ContentPack }) {
  const styles = useStyles();
  const by = useUiStore((s) => s.answeredBy);
  const v = editableOf(risk);
  const edit = (change: RiskEdit) =>
    void queueCommand(`risk:${risk.assessmentId}:${risk.id}:${Object.keys(change).join(',')}`, { kind: 'risk-edit', assessmentId: risk.assessmentId, riskId: risk.id, edit: change, by }).catch(
      () => undefined,
    );
  return (
    <Card className={styles.card} data-testid="risk-detail" data-risk-id={risk.id} aria-labelledby="risk-detail-title">
      <Title3 as="h3" id="risk-detail-title" className={styles.title} data-testid="detail-title">
        {risk.id} {risk.title}
      </Title3>
      {risk.formerIds && risk.formerIds.length > 0 && (
        <Text data-testid="detail-former-ids">
          Formerly {risk.formerIds.join(', ')}: merged into {risk.id} when their risk templates were merged.
        </Text>
      )}
      <Text>
        {risk.origin === 'manual' ? 'Added by hand. ' : ''}
        {risk.threat}
      </Text>
      <Text>
        Inherent: <strong data-testid="detail-inherent">{levelLabel(pack.riskMatrix, risk.inherentLevel)}</strong> · Residual:{' '}
        <strong>{levelLabel(pack.riskMatrix, risk.residual?.level)}</strong> · Action: {risk.action === 'verify' ? 'Verify (the provider owns it)' : 'Remediate'}
      </Text>
      {risk.verification && <Text italic>{risk.verification}</Text>}
      <RiskRating risk={risk} />
      <div className={styles.grid}>
        <ScoreSelect label="Likelihood" value={v.likelihood} onChange={(n) => n && edit({ likelihood: n })} testId="edit-likelihood" />
        <ScoreSelect label="Impact" value={v.impact} onChange={(n) => n && edit({ impact: n })} testId="edit-impact" />
        <Field label="Treatment">
          <Select value={v.treatment ?? ''} onChange={(_e, d) => edit({ treatment: (d.value || null) as RiskEdit['treatment'] })} data-testid="edit-treatment">
            <option value="">Not decided</option>
            {TREATMENTS.map((t) => (
              <option key={t} value={t}>
                {treatmentLabel(t)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Due date">
          <Input type="date" value={v.dueDate ?? ''} onChange={(_e, d) => edit({ dueDate: d.value || null })} data-testid="edit-due" />
        </Field>
        <ScoreSelect label="Residual likelihood" optional value={v.residualLikelihood} onChange={(n) => edit({ residualLikelihood: n })} testId="edit-residual-likelihood" />
        <ScoreSelect label="Residual impact" optional value={v.residualImpact} onChange={(n) => edit({ residualImpact: n })} testId="edit-residual-impact" />
        <TextEdit risk={risk} field="acceptedBy" label="Accepted by" testId="edit-accepted-by" by={by} />
        <Field label="Acceptance expires">
          <Input type="date" value={v.acceptanceExpires ?? ''} onChange={(_e, d) => edit({ acceptanceExpires: d.value || null })} data-testid="edit-acceptance-expires" />
        </Field>
        <TextEdit risk={risk} field="actionOwner" label="Action owner (a person)" testId="edit-action-owner" by={by} />
      </div>
      <TextEdit risk={risk} field="notes" label="Notes" testId="edit-notes" multiline by={by} />
      <Divider />
      <OwnerOverride key={risk.id} risk={risk} by={by} />
      <Divider />
      <Text weight="semibold">Recommendation</Text>
      <Text>{risk.recommendation.summary}</Text>
      <RiskEvidence risk={risk} pack={pack} />
      <Divider />
      <Text weight="semibold">History</Text>
      {risk.history.length === 0 ? (
        <Text>No changes yet.</Text>
      ) : (
        <ol className={styles.history} data-testid="risk-history">
          {risk.history.map((h, i) => (
            <li key={i} data-testid="history-entry" data-action={h.action}>
              {new Date(h.at).toLocaleString()} — {h.action === 'notes' ? 'Notes edited' : h.detail}
              {h.by ? ` (${h.by})` : ''}
            </li>
          ))}
        </ol>
      )}
      {risk.origin === 'manual' && <DeleteManualRisk key={risk.id} risk={risk} />}
    </Card>
  );
}
