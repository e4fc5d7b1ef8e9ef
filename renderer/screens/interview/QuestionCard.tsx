import { Badge, Card, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Attendee } from '../../db/database';
import type { InterviewState } from '../../hooks/use-interview';
import { toggledChoices } from '../../hooks/use-interview';
import { useLatestCallback } from '../../hooks/use-latest-callback';
import { AnswerFields } from './AnswerFields';
import { BreakGlassHint } from './BreakGlassHint';
import { ChoiceList } from './ChoiceList';
import { QuestionActions } from './QuestionActions';

const useStyles = makeStyles({
  // clip, not Fluent's hidden: a hidden overflow would make the card the scroll box its sticky action bar sticks to
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '900px', overflow: 'clip' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  context: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

type QuestionCardProps = Pick<InterviewState, 'current' | 'answer' | 'index' | 'update' | 'back' | 'next' | 'nextUnanswered'> & {
  /** How many questions are visible. */
  count: number;
  attendees: readonly Attendee[];
};

/**
 * One question with its context, numbered choices, notes, evidence and who answered.
 * Memoised, as are its parts: a keystroke re-renders what it changed, and the database
 * echoing a write back re-renders nothing.
 */
export const QuestionCard = memo(function QuestionCard(props: QuestionCardProps) {
  const { current, answer, index, count, update, attendees } = props;
  const styles = useStyles();
  const notApplicable = useLatestCallback(() => markNotApplicable(props));
  const pick = useLatestCallback((choiceId: string) => current && update(current.question.id, { choices: toggledChoices(current.question, answer.choices, choiceId), notApplicable: false }));
  if (!current) return null;
  const { question, domain } = current;
  const naChoice = question.choices.find((c) => c.result === 'not-applicable');
  const answered = answer.choices.length > 0 || answer.notApplicable;
  return (
    <Card className={styles.card} data-testid="question-card" data-question-id={question.id}>
      <div className={styles.meta}>
        <Text weight="semibold">{domain.title}</Text>
        <Text data-testid="question-position">
          Question {index + 1} of {count}
        </Text>
        <Text>{question.id}</Text>
        {answer.notApplicable && <Badge color="informative" data-testid="marked-na">Not applicable</Badge>}
        {!answered && <Badge appearance="outline">Unanswered</Badge>}
      </div>
      <Title3 as="h3" id="question-text" data-testid="question-text">
        {question.text}
      </Title3>
      {question.context && <Text className={styles.context}>{question.context}</Text>}
      <BreakGlassHint claims={question.claims} />
      <ChoiceList question={question} chosen={answer.choices} onPick={pick} />
      <AnswerFields questionId={question.id} note={answer.note} evidence={answer.evidence} answeredBy={answer.answeredBy} attendees={attendees} update={update} />
      <QuestionActions
        atStart={index === 0}
        notApplicablePressed={answer.notApplicable || (naChoice ? answer.choices.includes(naChoice.id) : false)}
        back={props.back}
        next={props.next}
        notApplicable={notApplicable}
        nextUnanswered={props.nextUnanswered}
      />
    </Card>
  );
});

/** Selects the question's own not-applicable choice, or toggles the consultant's mark. */
export function markNotApplicable({ current, answer, update }: Pick<InterviewState, 'current' | 'answer' | 'update'>): void {
  if (!current) return;
  const naChoice = current.question.choices.find((c) => c.result === 'not-applicable');
  if (naChoice) {
    const on = answer.choices.includes(naChoice.id);
    update(current.question.id, { choices: on ? [] : [naChoice.id], notApplicable: false });
    return;
  }
  update(current.question.id, { choices: [], notApplicable: !answer.notApplicable });
}
