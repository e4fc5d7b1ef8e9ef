import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContentPack } from '../../../core/content/types';
import { EVIDENCE_STATUS_TEXT, evidenceStatusOf } from '../../../core/risks/evidence-status';
import { modelLabel } from '../../content/vocabulary-labels';
import type { RiskRecord } from '../../db/database';

const useStyles = makeStyles({
  known: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** How the risk is known, with the engine's notes for the consultant. */
function HowKnown({ risk }: { risk: RiskRecord }) {
  const status = evidenceStatusOf(risk);
  const text = EVIDENCE_STATUS_TEXT[status];
  const styles = useStyles();
  return (
    <div className={styles.known}>
      <Text block data-testid="detail-known" data-status={status}>
        <strong>How known: {text.label}.</strong> {text.meaning}
      </Text>
      {(risk.evidenceNotes ?? []).map((note, i) => (
        <MessageBar key={i} intent="info" data-testid="evidence-note">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

/** How a risk is known, and the answers and findings behind it. */
export function RiskEvidence({ risk, pack }: { risk: RiskRecord; pack: ContentPack }) {
  const styles = useStyles();
  const { answers, findings } = risk.evidence;
  return (
    <div data-testid="risk-evidence">
      <HowKnown risk={risk} />
      {risk.disagreements.map((d, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{d.message}</MessageBarBody>
        </MessageBar>
      ))}
      {answers.length > 0 && (
        <>
          <Text block weight="semibold">Answers</Text>
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
          <Text block weight="semibold">Findings ({findings.length})</Text>
          <ul className={styles.list}>
            {findings.slice(0, 50).map((f) => (
              <li key={`${f.checkId}-${f.resourceId}`} data-testid="evidence-finding">
                {f.checkId} on <span className={styles.mono}>{f.resourceId.split('/').pop()}</span> ({modelLabel(f.serviceModel)})
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
