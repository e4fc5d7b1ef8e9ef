import { Checkbox, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Question } from '../../../core/content/types';

const useStyles = makeStyles({ group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS } });

function label(index: number, text: string): string {
  return index < 9 ? `${index + 1}. ${text}` : text;
}

/** The choices of a question, numbered for the number keys. */
export const ChoiceList = memo(function ChoiceList({ question, chosen, onPick }: { question: Question; chosen: readonly string[]; onPick: (choiceId: string) => void }) {
  const styles = useStyles();
  if (question.type === 'single') {
    return (
      <RadioGroup
        aria-labelledby="question-text"
        value={chosen[0] ?? ''}
        onChange={(_e, data) => onPick(data.value)}
        className={styles.group}
        data-testid="choices"
      >
        {question.choices.map((c, i) => (
          <Radio key={c.id} value={c.id} label={label(i, c.label)} data-testid={`choice-${c.id}`} />
        ))}
      </RadioGroup>
    );
  }
  return (
    <div role="group" aria-labelledby="question-text" className={styles.group} data-testid="choices">
      {question.choices.map((c, i) => (
        <Checkbox key={c.id} checked={chosen.includes(c.id)} onChange={() => onPick(c.id)} label={label(i, c.label)} data-testid={`choice-${c.id}`} />
      ))}
    </div>
  );
});
