import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContentPack } from '../../../core/content/types';
import type { RiskRecord } from '../../db/database';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL }, mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' } });

/** The answers and findings behind a risk. */
export function RiskEvidence({ risk, pack }: { risk: RiskRecord; pack: ContentPack }) {
  const styles = useStyles();
  const { answers, findings } = risk.evidence;
  return (
    <div data-testid="risk-evidence">
      {risk.disagreements.map((d, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{d.message}</MessageBarBody>
        </MessageBar>
      ))}
      {answers.length > 0 && (
        <>
          <Text weight="semibold">Answers</Text>
          <ul className={styles.list}>
            {answers.map((a) => {
              const q = pack.questions.get(a.questionId);
              const labels = q?.choices.filter((c) => a.choices.includes(c.id)).map((c) => c.label) ?? a.choices;
              return (
                <li key={a.questionId} data-testid="evidence-answer">
                  {a.questionId}: {q?.text ?? ''} — “{labels.join('; ')}” ({a.result ?? 'unscored'})
                </li>
              );
            })}
          </ul>
        </>
      )}
      {findings.length > 0 && (
        <>
          <Text weight="semibold">Findings ({findings.length})</Text>
          <ul className={styles.list}>
            {findings.slice(0, 50).map((f) => (
              <li key={`${f.checkId}-${f.resourceId}`} data-testid="evidence-finding">
                {f.checkId} on <span className={styles.mono}>{f.resourceId.split('/').pop()}</span> ({f.serviceModel})
              </li>
            ))}
          </ul>
          {findings.length > 50 && <Text>…and {findings.length - 50} more (see the Inventory).</Text>}
        </>
      )}
      {answers.length === 0 && findings.length === 0 && <Text>No linked evidence.</Text>}
    </div>
  );
}
