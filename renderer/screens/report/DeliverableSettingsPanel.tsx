import { Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { z } from 'zod';
import type { DeliverableSettingsRecord } from '../../db/database';
import { saveDeliverableSettings, type DeliverableSettings } from '../../db/deliverable-repository';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
});

type TextKey = 'version' | 'partner' | 'qaReviewer' | 'sponsor';
const TEXT_FIELDS: { key: TextKey; label: string; hint: string }[] = [
  { key: 'version', label: 'Version', hint: 'Blank: 0.9 for a draft, 1.0 for a final.' },
  { key: 'partner', label: 'Engagement partner', hint: 'Approves and signs the report.' },
  { key: 'qaReviewer', label: 'QA reviewer', hint: 'Reviews the report before issue.' },
  { key: 'sponsor', label: 'Client sponsor', hint: "Accepts the report for the client." },
];

/** The stored settings as the form shows them (blank = not set). */
function formOf(stored: DeliverableSettingsRecord | null): Record<TextKey, string> & Pick<DeliverableSettings, 'depth' | 'irPlan' | 'status'> {
  return {
    depth: stored?.depth ?? 'standard',
    irPlan: stored?.irPlan ?? 'separate',
    status: stored?.status ?? 'draft',
    version: stored?.version ?? '',
    partner: stored?.partner ?? '',
    qaReviewer: stored?.qaReviewer ?? '',
    sponsor: stored?.sponsor ?? '',
  };
}

/**
 * Report settings and sign-off, stored per assessment (Dexie `deliverableSettings`): choices
 * save as they change, names and version when the field is left. Invalid values are not saved
 * and the field says why. The form starts from what is stored when the screen opens (the
 * parent mounts it once the row is read).
 */
export function DeliverableSettingsPanel({ assessmentId, stored, disabled }: { assessmentId: string; stored: DeliverableSettingsRecord | null; disabled: boolean }) {
  const styles = useStyles();
  const [form, setForm] = useState(() => formOf(stored));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const save = async (next: typeof form) => {
    setForm(next);
    try {
      await saveDeliverableSettings(assessmentId, next);
      setErrors({});
    } catch (error) {
      if (error instanceof z.ZodError) setErrors(Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])));
      else setErrors({ form: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="deliverable-settings-title" data-testid="deliverable-settings">
      <Text as="h2" size={500} weight="semibold" id="deliverable-settings-title">
        Settings and sign-off
      </Text>
      <div className={styles.grid}>
        <Field label="Depth">
          <RadioGroup value={form.depth} onChange={(_e, d) => void save({ ...form, depth: d.value as typeof form.depth })} disabled={disabled} data-testid="deliverable-depth">
            <Radio value="executive" label="Executive" />
            <Radio value="standard" label="Standard" />
            <Radio value="full" label="Full technical" />
          </RadioGroup>
        </Field>
        <Field label="Incident response plan">
          <RadioGroup value={form.irPlan} onChange={(_e, d) => void save({ ...form, irPlan: d.value as typeof form.irPlan })} disabled={disabled}>
            <Radio value="separate" label="As a separate document" />
            <Radio value="inside" label="Inside the report" />
          </RadioGroup>
        </Field>
        <Field label="Status">
          <RadioGroup value={form.status} onChange={(_e, d) => void save({ ...form, status: d.value as typeof form.status })} disabled={disabled} data-testid="deliverable-status">
            <Radio value="draft" label="Draft for review" />
            <Radio value="final" label="Final" />
          </RadioGroup>
        </Field>
      </div>
      <div className={styles.grid}>
        {TEXT_FIELDS.map(({ key, label, hint }) => (
          <Field key={key} label={label} hint={hint} validationMessage={errors[key]} validationState={errors[key] ? 'error' : 'none'}>
            <Input
              value={form[key]}
              onChange={(_e, d) => setForm({ ...form, [key]: d.value })}
              onBlur={() => void save(form)}
              disabled={disabled}
              data-testid={`deliverable-${key}`}
            />
          </Field>
        ))}
      </div>
      {errors.form && <Text role="alert">{errors.form}</Text>}
    </section>
  );
}
