import { Badge, Button, Card, Field, Input, Text, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, NextRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import type { AnswerInput } from '../../db/answers-repository';
import type { Attendee } from '../../db/database';
import type { InterviewState } from '../../hooks/use-interview';
import { toggledChoices } from '../../hooks/use-interview';
import { ChoiceList } from './ChoiceList';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '900px' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  context: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  fields: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** One question with its context, numbered choices, notes, evidence and who answered. */
export function QuestionCard({ state, attendees }: { state: InterviewState; attendees: Attendee[] }) {
  const styles = useStyles();
  const { current, answer, index, items, update } = state;
  if (!current) return null;
  const { question, domain } = current;
  const set = (change: Partial<AnswerInput>) => update(question.id, change);
  const naChoice = question.choices.find((c) => c.result === 'not-applicable');
  const answered = answer.choices.length > 0 || answer.notApplicable;
  return (
    <Card className={styles.card} data-testid="question-card" data-question-id={question.id}>
      <div className={styles.meta}>
        <Text weight="semibold">{domain.title}</Text>
        <Text data-testid="question-position">
          Question {index + 1} of {items.length}
        </Text>
        <Text>{question.id}</Text>
        {answer.notApplicable && <Badge color="informative" data-testid="marked-na">Not applicable</Badge>}
        {!answered && <Badge appearance="outline">Unanswered</Badge>}
      </div>
      <Title3 as="h3" id="question-text" data-testid="question-text">
        {question.text}
      </Title3>
      {question.context && <Text className={styles.context}>{question.context}</Text>}
      <ChoiceList question={question} chosen={answer.choices} onPick={(id) => set({ choices: toggledChoices(question, answer.choices, id), notApplicable: false })} />
      <div className={styles.fields}>
        <Field label="Notes">
          <Textarea value={answer.note} onChange={(_e, d) => set({ note: d.value })} resize="vertical" rows={4} data-testid="answer-note" />
        </Field>
        <Field label="Evidence references (one per line)">
          <Textarea value={answer.evidence} onChange={(_e, d) => set({ evidence: d.value })} resize="vertical" rows={4} data-testid="answer-evidence" />
        </Field>
        <Field label="Answered by">
          <Input value={answer.answeredBy} onChange={(_e, d) => set({ answeredBy: d.value })} list="attendee-names" data-testid="answered-by" />
        </Field>
        <datalist id="attendee-names">
          {attendees.map((a) => (
            <option key={`${a.name}-${a.role}`} value={a.name}>
              {a.role}
            </option>
          ))}
        </datalist>
      </div>
      <div className={styles.actions}>
        <Button icon={<ArrowLeftRegular />} onClick={state.back} disabled={index === 0} data-testid="question-back">
          Back (B)
        </Button>
        <Button onClick={state.next} data-testid="question-skip">
          Skip (S)
        </Button>
        <Button
          icon={<SubtractCircleRegular />}
          onClick={() => markNotApplicable(state)}
          aria-pressed={answer.notApplicable || (naChoice ? answer.choices.includes(naChoice.id) : false)}
          data-testid="question-na"
        >
          Not applicable (N)
        </Button>
        <Button icon={<NextRegular />} onClick={state.nextUnanswered} data-testid="question-next-unanswered">
          Next unanswered (U)
        </Button>
        <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" onClick={state.next} data-testid="question-next">
          Next (Enter)
        </Button>
      </div>
    </Card>
  );
}

/** Selects the question's own not-applicable choice, or toggles the consultant's mark. */
export function markNotApplicable(state: InterviewState): void {
  const { current, answer, update } = state;
  if (!current) return;
  const naChoice = current.question.choices.find((c) => c.result === 'not-applicable');
  if (naChoice) {
    const on = answer.choices.includes(naChoice.id);
    update(current.question.id, { choices: on ? [] : [naChoice.id], notApplicable: false });
    return;
  }
  update(current.question.id, { choices: [], notApplicable: !answer.notApplicable });
}
