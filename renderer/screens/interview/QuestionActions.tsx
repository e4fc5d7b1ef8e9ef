import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, NextRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import { memo } from 'react';

const useStyles = makeStyles({
  // the bar stays at the foot of the window while the question runs below it (a long list of
  // choices at 1280x800), so Back and Next are always at hand; on the card's own background
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

interface QuestionActionsProps {
  atStart: boolean;
  notApplicablePressed: boolean;
  back: () => void;
  next: () => void;
  notApplicable: () => void;
  nextUnanswered: () => void;
}

/** The buttons under a question, each with its keyboard shortcut. Memoised: answering does not re-render them. */
export const QuestionActions = memo(function QuestionActions({ atStart, notApplicablePressed, back, next, notApplicable, nextUnanswered }: QuestionActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button icon={<ArrowLeftRegular />} onClick={back} disabled={atStart} data-testid="question-back">
        Back (B)
      </Button>
      <Button onClick={next} data-testid="question-skip">
        Skip (S)
      </Button>
      <Button icon={<SubtractCircleRegular />} onClick={notApplicable} aria-pressed={notApplicablePressed} data-testid="question-na">
        Not applicable (N)
      </Button>
      <Button icon={<NextRegular />} onClick={nextUnanswered} data-testid="question-next-unanswered">
        Next unanswered (U)
      </Button>
      <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" onClick={next} data-testid="question-next">
        Next (Enter)
      </Button>
    </div>
  );
});
