import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { AnswerInput } from '../../db/answers-repository';
import type { Attendee } from '../../db/database';

const useStyles = makeStyles({ fields: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL } });

interface AnswerFieldsProps {
  questionId: string;
  note: string;
  evidence: string;
  answeredBy: string;
  attendees: readonly Attendee[];
  update: (questionId: string, change: Partial<AnswerInput>) => void;
}

/** The free text of an answer: notes, evidence references and who answered. Memoised, so picking a choice leaves it alone. */
export const AnswerFields = memo(function AnswerFields({ questionId, note, evidence, answeredBy, attendees, update }: AnswerFieldsProps) {
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <Field label="Notes">
        <Textarea value={note} onChange={(_e, d) => update(questionId, { note: d.value })} resize="vertical" rows={4} data-testid="answer-note" />
      </Field>
      <Field label="Evidence references (one per line)">
        <Textarea value={evidence} onChange={(_e, d) => update(questionId, { evidence: d.value })} resize="vertical" rows={4} data-testid="answer-evidence" />
      </Field>
      <Field label="Answered by">
        <Input value={answeredBy} onChange={(_e, d) => update(questionId, { answeredBy: d.value })} list="attendee-names" data-testid="answered-by" />
      </Field>
      <datalist id="attendee-names">
        {attendees.map((a) => (
          <option key={`${a.name}-${a.role}`} value={a.name}>
            {a.role}
          </option>
        ))}
      </datalist>
    </div>
  );
});
