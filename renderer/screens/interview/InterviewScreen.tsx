import { ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ScreenHeader } from '../../components/ScreenHeader';
import type { AssessmentRecord } from '../../db/database';
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

export function InterviewScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const state = useInterview(assessment.id, pack);
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

  if (state.loading) return <Spinner label="Loading the interview…" />;
  const pickDomain = (domainId: string) => {
    const inDomain = state.items.filter((i) => i.domain.id === domainId);
    state.go((inDomain.find((i) => !state.isDone(i.question.id)) ?? inDomain[0])?.question.id);
  };
  return (
    <section className={styles.section} aria-labelledby="interview-title">
      <ScreenHeader id="interview-title" title="Interview" description="Number keys choose, Enter moves on; press ? for every shortcut." />
      <div className={styles.overall}>
        <Text data-testid="interview-progress">
          {state.progress.answered} of {state.progress.total} questions answered
        </Text>
        <ProgressBar value={state.progress.total === 0 ? 0 : state.progress.answered / state.progress.total} aria-label="Interview progress" />
      </div>
      <div className={styles.layout}>
        <DomainList domains={state.progress.domains} currentDomainId={current?.domain.id} onPick={pickDomain} />
        <QuestionCard state={state} attendees={assessment.engagement.attendees} />
      </div>
    </section>
  );
}
