import {
  Button,
  Checkbox,
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
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ZodError } from 'zod';
import type { RiskMatrix } from '../../../core/content/schemas';
import type { ContentPack } from '../../../core/content/types';
import { areas, RiskCategorySchema, serviceModels, type Area, type ServiceModel } from '../../../core/content/vocabulary';
import { ManualRiskInputSchema } from '../../../core/risks/manual';
import { ownerAcross } from '../../../core/risks/owner';
import { riskLevel } from '../../../core/risks/scoring';
import type { AssessmentRecord } from '../../db/database';
import { categoryLabel } from '../../content/vocabulary-labels';
import { addManualRisk } from '../../db/risks-repository';
import { useUiStore } from '../../stores/ui-store';
import { messageOf } from '../assessments/messages';
import { levelLabel } from './risk-view';

const useStyles = makeStyles({
  surface: { maxWidth: '720px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  models: { display: 'flex', gap: tokens.spacingHorizontalM },
  playbooks: { display: 'grid', gridTemplateColumns: '1fr 1fr' },
});

const EFFORTS = ['low', 'medium', 'high'] as const;
const MODEL_LABELS: Record<ServiceModel, string> = { iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' };

interface Draft {
  title: string;
  threat: string;
  category: string;
  area: string;
  serviceModels: ServiceModel[];
  likelihood: number;
  impact: number;
  recommendation: string;
  effort: Effort;
  userImpact: Effort;
  irPlaybooks: string[];
}

const EMPTY: Draft = { title: '', threat: '', category: '', area: '', serviceModels: [], likelihood: 3, impact: 3, recommendation: '', effort: 'medium', userImpact: 'low', irPlaybooks: [] };

type Effort = (typeof EFFORTS)[number];

function ScaleSelect(props: { label: string; scale: RiskMatrix['likelihood']; value: number; onChange: (value: number) => void; testId: string }) {
  return (
    <Field label={props.label}>
      <Select value={String(props.value)} onChange={(_e, d) => props.onChange(Number(d.value))} data-testid={props.testId}>
        {props.scale.map((s) => (
          <option key={s.value} value={s.value}>
            {s.value} — {s.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function EffortSelect(props: { label: string; value: Effort; onChange: (value: Effort) => void; testId: string }) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_e, d) => props.onChange(d.value as Effort)} data-testid={props.testId}>
        {EFFORTS.map((e) => (
          <option key={e} value={e}>
            {e[0]!.toUpperCase() + e.slice(1)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The messages of a failed validation, by the field they concern ('' for the rest). */
function problemsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ZodError)) return { '': messageOf(error) };
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    out[field] = out[field] ? `${out[field]} ${issue.message}` : issue.message;
  }
  return out;
}

/**
 * Adds a risk by hand: what the workshop surfaced that no question or check raises. The
 * owner follows the assessment's responsibility matrix (shown as the form is filled) and can
 * be overridden afterwards, with a justification, like any other.
 */
export function AddRiskDialog({ assessment, pack, onClose }: { assessment: AssessmentRecord; pack: ContentPack; onClose: () => void }) {
  const styles = useStyles();
  const by = useUiStore((s) => s.answeredBy);
  const selectRisk = useUiStore((s) => s.selectRisk);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const matrix = pack.matrices.get(assessment.matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const areaLabel = (area: string) => (matrix ? (matrix.rows.find((r) => r.id === matrix.areaMap[area])?.label ?? area) : area);
  const owner = matrix && draft.area && draft.serviceModels.length > 0 ? ownerAcross(matrix, draft.area as Area, draft.serviceModels) : null;
  const problem = (field: keyof Draft) => (problems[field] ? { validationMessage: problems[field], validationState: 'error' as const } : {});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ManualRiskInputSchema.safeParse(draft);
    if (!parsed.success) {
      setProblems(problemsOf(parsed.error));
      return;
    }
    setSaving(true);
    try {
      const id = await addManualRisk(assessment.id, parsed.data, by, pack);
      selectRisk(id);
      onClose();
    } catch (error) {
      setProblems(problemsOf(error));
      setSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={(e) => void submit(e)} data-testid="add-risk-form" noValidate>
          <DialogBody>
            <DialogTitle>Add a risk</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Title" required {...problem('title')}>
                <Input value={draft.title} onChange={(_e, d) => set({ title: d.value })} data-testid="add-risk-title" autoFocus />
              </Field>
              <Field label="Threat: what could happen, and how" required {...problem('threat')}>
                <Textarea value={draft.threat} onChange={(_e, d) => set({ threat: d.value })} rows={3} resize="vertical" data-testid="add-risk-threat" />
              </Field>
              <div className={styles.grid}>
                <Field label="Category" required {...problem('category')}>
                  <Select value={draft.category} onChange={(_e, d) => set({ category: d.value })} data-testid="add-risk-category">
                    <option value="">Choose…</option>
                    {RiskCategorySchema.options.map((c) => (
                      <option key={c} value={c}>
                        {categoryLabel(c)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Responsibility area" required {...problem('area')}>
                  <Select value={draft.area} onChange={(_e, d) => set({ area: d.value })} data-testid="add-risk-area">
                    <option value="">Choose…</option>
                    {areas.map((a) => (
                      <option key={a} value={a}>
                        {areaLabel(a)}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Field label="Service models it concerns" required {...problem('serviceModels')}>
                <div className={styles.models} role="group" aria-label="Service models it concerns">
                  {serviceModels.map((m) => (
                    <Checkbox
                      key={m}
                      label={MODEL_LABELS[m]}
                      checked={draft.serviceModels.includes(m)}
                      onChange={(_e, d) => set({ serviceModels: d.checked ? [...draft.serviceModels, m] : draft.serviceModels.filter((x) => x !== m) })}
                      data-testid={`add-risk-model-${m}`}
                      // the group is required (one model at least), not each box: without this the
                      // Field marks every checkbox with its own asterisk
                      required={false}
                    />
                  ))}
                </div>
              </Field>
              <Text data-testid="add-risk-owner">
                {owner
                  ? `Owner per ${matrix?.title ?? 'the matrix'}: ${owner}${owner === 'microsoft' ? ' (the customer verifies)' : ''}.`
                  : 'The owner follows from the area and the service models.'}
              </Text>
              <div className={styles.grid}>
                <ScaleSelect label="Likelihood" scale={pack.riskMatrix.likelihood} value={draft.likelihood} onChange={(likelihood) => set({ likelihood })} testId="add-risk-likelihood" />
                <ScaleSelect label="Impact" scale={pack.riskMatrix.impact} value={draft.impact} onChange={(impact) => set({ impact })} testId="add-risk-impact" />
              </div>
              <Text>
                Inherent level: <strong data-testid="add-risk-level">{levelLabel(pack.riskMatrix, riskLevel(pack.riskMatrix, draft.likelihood, draft.impact))}</strong>
              </Text>
              <Field label="Recommendation" {...problem('recommendation')}>
                <Textarea value={draft.recommendation} onChange={(_e, d) => set({ recommendation: d.value })} rows={3} resize="vertical" data-testid="add-risk-recommendation" />
              </Field>
              <div className={styles.grid}>
                <EffortSelect label="Effort to fix" value={draft.effort} onChange={(effort) => set({ effort })} testId="add-risk-effort" />
                <EffortSelect label="Impact of the fix on users" value={draft.userImpact} onChange={(userImpact) => set({ userImpact })} testId="add-risk-user-impact" />
              </div>
              <Field label="Incident response playbooks it calls for (optional)" {...problem('irPlaybooks')}>
                <div className={styles.playbooks} role="group" aria-label="Incident response playbooks it calls for">
                  {pack.playbooks.map((p) => (
                    <Checkbox
                      key={p.id}
                      label={p.title}
                      checked={draft.irPlaybooks.includes(p.id)}
                      onChange={(_e, d) => set({ irPlaybooks: d.checked ? [...draft.irPlaybooks, p.id] : draft.irPlaybooks.filter((x) => x !== p.id) })}
                      data-testid={`add-risk-playbook-${p.id}`}
                    />
                  ))}
                </div>
              </Field>
              {problems[''] && (
                <MessageBar intent="error" data-testid="add-risk-error">
                  <MessageBarBody>{problems['']}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving} data-testid="add-risk-submit">
                Add to the register
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
