import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useCallback } from 'react';
import { InstantProgressBar } from '../../components/InstantProgressBar';
import { ScreenHeader } from '../../components/ScreenHeader';
import type { Attendee } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { toggledChoices, useInterview } from '../../hooks/use-interview';
import { useInterviewKeys } from '../../hooks/use-interview-keys';
import { DomainList } from './DomainList';
import { markNotApplicable, QuestionCard } from './QuestionCard';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  layout: { display: 'grid', gridTemplateColumns: '260px 1fr', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  overall: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '480px' },
});

interface InterviewScreenProps {
  assessmentId: string;
  attendees: readonly Attendee[];
}

const sameAttendees = (a: readonly Attendee[], b: readonly Attendee[]) => a.length === b.length && a.every((x, i) => x.name === b[i]?.name && x.role === b[i]?.role);

function InterviewView({ assessmentId, attendees }: InterviewScreenProps) {
  const styles = useStyles();
  const pack = useContentPack();
  const state = useInterview(assessmentId, pack);
  const { current, answer, update } = state;

  useInterviewKeys(
    {
      choose: (i) => {
        const choice = current?.question.choices[i];
        if (current && choice) update(current.question.id, { choices: toggledChoices(current.question, answer.choices, choice.id), notApplicable: false });
      },
      next: state.next,
      back: state.back,
      skip: state.next,
      notApplicable: () => markNotApplicable(state),
      nextUnanswered: state.nextUnanswered,
    },
    !state.loading,
  );

  const { items, go, isDone } = state;
  const pickDomain = useCallback(
    (domainId: string) => {
      const inDomain = items.filter((i) => i.domain.id === domainId);
      go((inDomain.find((i) => !isDone(i.question.id)) ?? inDomain[0])?.question.id);
    },
    [items, go, isDone],
  );
  if (state.loading) return <Spinner label="Loading the interview…" />;
  return (
    <section className={styles.section} aria-labelledby="interview-title">
      <ScreenHeader id="interview-title" title="Interview" description="Number keys choose, Enter moves on; press ? for every shortcut." />
      <div className={styles.overall}>
        <Text data-testid="interview-progress">
          {state.progress.answered} of {state.progress.total} questions answered
        </Text>
        <InstantProgressBar value={state.progress.total === 0 ? 0 : state.progress.answered / state.progress.total} aria-label="Interview progress" />
      </div>
      <div className={styles.layout}>
        <DomainList domains={state.progress.domains} currentDomainId={current?.domain.id} onPick={pickDomain} />
        <QuestionCard
          current={current}
          answer={answer}
          index={state.index}
          count={items.length}
          update={update}
          back={state.back}
          next={state.next}
          nextUnanswered={state.nextUnanswered}
          attendees={attendees}
        />
      </div>
    </section>
  );
}

/**
 * The interview, memoised on what it shows of the assessment: saving an answer updates the
 * assessment record (its cached progress), which must not re-render the whole screen.
 */
export const InterviewScreen = memo(InterviewView, (before, after) => before.assessmentId === after.assessmentId && sameAttendees(before.attendees, after.attendees));
