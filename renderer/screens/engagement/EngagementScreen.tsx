import { Field, Input, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ScreenHeader } from '../../components/ScreenHeader';
import { CLASSIFICATIONS, patchEngagement, updateMatrix, updateStatus } from '../../db/assessments-repository';
import type { Command } from '../../db/commands';
import type { AssessmentRecord, AssessmentStatus, Engagement } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { useQueuedField } from '../../hooks/use-queued-field';
import { AttendeesEditor } from './AttendeesEditor';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
});

function TextField({ id, label, stored, write, testId, type = 'text' }: { id: string; label: string; stored: string; write: (v: string) => Command; testId: string; type?: 'text' | 'date' }) {
  const [value, setValue, error] = useQueuedField(id, stored, write);
  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
      <Input type={type} value={value} onChange={(_e, d) => setValue(d.value)} data-testid={testId} />
    </Field>
  );
}

/** Client, engagement, consultants, dates, attendees, preamble, matrix version and marking. */
export function EngagementScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const { id, engagement } = assessment;
  const patch = (changes: Partial<Engagement>): Command => ({ kind: 'engagement', assessmentId: id, changes });
  const [preamble, setPreamble, preambleError] = useQueuedField(`${id}:preamble`, engagement.preamble, (v) => patch({ preamble: v }));
  return (
    <section className={styles.section} aria-labelledby="engagement-title">
      <ScreenHeader id="engagement-title" title="Engagement" description="Everything here is saved as you type." />
      <div className={styles.grid}>
        <TextField id={`${id}:name`} label="Assessment name" stored={assessment.name} write={(v) => ({ kind: 'rename', assessmentId: id, name: v })} testId="engagement-name" />
        <TextField id={`${id}:client`} label="Client" stored={assessment.client} write={(v) => ({ kind: 'client', assessmentId: id, client: v })} testId="engagement-client" />
        <TextField id={`${id}:engagement-id`} label="Engagement id" stored={engagement.engagementId} write={(v) => patch({ engagementId: v })} testId="engagement-id" />
        <TextField
          id={`${id}:consultants`}
          label="Consultants (comma-separated)"
          stored={engagement.consultants.join(', ')}
          write={(v) => patch({ consultants: v.split(',').map((s) => s.trim()).filter(Boolean) })}
          testId="engagement-consultants"
        />
        <TextField id={`${id}:start`} type="date" label="Start date" stored={engagement.startDate} write={(v) => patch({ startDate: v })} testId="engagement-start" />
        <TextField id={`${id}:end`} type="date" label="End date" stored={engagement.endDate} write={(v) => patch({ endDate: v })} testId="engagement-end" />
        <Field label="Classification of the deliverable">
          <Select value={engagement.classification} onChange={(_e, d) => void patchEngagement(id, { classification: d.value })} data-testid="engagement-classification">
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status">
          <Select value={assessment.status} onChange={(_e, d) => void updateStatus(id, d.value as AssessmentStatus)} data-testid="engagement-status">
            <option value="draft">Draft</option>
            <option value="in-progress">In progress</option>
            <option value="final">Final</option>
          </Select>
        </Field>
      </div>
      <Field label="Responsibility matrix">
        <RadioGroup value={assessment.matrixId} onChange={(_e, d) => void updateMatrix(id, pack, d.value)} data-testid="engagement-matrix">
          {[...pack.matrices.values()].map((m) => (
            <Radio
              key={m.id}
              value={m.id}
              label={
                <>
                  {m.title}
                  {m.id === pack.header.defaultMatrix ? ' — default' : ''}
                  <br />
                  {/* its source says which edition it is (the version key, "2026-01-12-diagram", is for the content pack) */}
                  <Text size={200}>{m.source}</Text>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <AttendeesEditor assessmentId={id} attendees={engagement.attendees} />
      <Field label="Scoping preamble" hint="Read out at the start: purpose, scope, what is out of scope, how answers are used." validationMessage={preambleError ?? undefined}>
        <Textarea value={preamble} onChange={(_e, d) => setPreamble(d.value)} rows={6} resize="vertical" data-testid="engagement-preamble" />
      </Field>
    </section>
  );
}
