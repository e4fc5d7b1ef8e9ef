import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowRightRegular, ArrowSyncRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PreflightItem, PreflightResult, PreflightScreen } from '../../../core/report/preflight';
import { acceptPreflightItem, withdrawPreflightAcceptance } from '../../db/deliverable-repository';
import { getRisk } from '../../db/risks-repository';
import { useUiStore } from '../../stores/ui-store';
import { preflightHeading } from './preflight-heading';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gridTemplateColumns: '88px 1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', justifyContent: 'flex-end' },
});

/** The navigation labels of the screens an item is fixed on (as the app's side bar names them). */
const SCREEN_LABEL: Record<PreflightScreen, string> = {
  engagement: 'Engagement',
  interview: 'Interview',
  inventory: 'Inventory',
  risks: 'Risks',
  'incident-response': 'Incident response',
  report: 'Report',
};

/** Items after the open blockers past this many are behind "Show all" (a register without owners lists one per risk). */
const FIRST_OTHERS = 12;

/** What still needs doing comes first: open blockers, open warnings, then what was accepted. */
function listed(items: readonly PreflightItem[]): PreflightItem[] {
  const rank = (i: PreflightItem) => (i.accepted ? 2 : i.severity === 'blocker' ? 0 : 1);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map((x) => x.item);
}

/** Every open blocker, then the first others: an open item never hides behind an accepted one. */
function folded(items: readonly PreflightItem[]): PreflightItem[] {
  const all = listed(items);
  const blockers = all.filter((i) => i.severity === 'blocker' && !i.accepted).length;
  return all.slice(0, blockers + FIRST_OTHERS);
}

function SeverityBadge({ item }: { item: PreflightItem }) {
  if (item.accepted) return <Badge appearance="outline" color="informative">Accepted</Badge>;
  return item.severity === 'blocker' ? <Badge color="danger">Blocker</Badge> : <Badge color="warning">Warning</Badge>;
}

/** Asks why the consultant accepts an item; a reason is required (the bundle records it). */
function AcceptDialog({ item, assessmentId, by, onClose }: { item: PreflightItem; assessmentId: string; by: string | undefined; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    if (reason.trim() === '') return setError('Say why this item is accepted rather than fixed.');
    try {
      await acceptPreflightItem(assessmentId, { itemId: item.id, reason: reason.trim(), ...(by ? { by } : {}) });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="accept-item-message">
        <DialogBody>
          <DialogTitle>Accept “{preflightHeading(item)}”</DialogTitle>
          <DialogContent>
            <Text as="p" id="accept-item-message">
              {item.message}
            </Text>
            <Field label="Reason" required validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
              <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} data-testid="accept-reason" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void accept()} data-testid="accept-confirm">
              Accept
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Opens the screen an item is fixed on, at the thing to fix where the item names it: the
 * question a "Don't know" risk rests on, the risk without an action owner.
 */
function useGoToFix(assessmentId: string, item: PreflightItem): () => Promise<void> {
  const showArea = useUiStore((s) => s.showArea);
  const setQuestion = useUiStore((s) => s.setQuestion);
  const selectRisk = useUiStore((s) => s.selectRisk);
  return async () => {
    const riskId = item.id.slice(item.id.indexOf(':') + 1);
    if (item.kind === 'dont-know') {
      const question = (await getRisk(assessmentId, riskId))?.evidence.answers[0]?.questionId;
      if (question) setQuestion(assessmentId, question);
    }
    if (item.kind === 'owner') selectRisk(riskId);
    showArea(item.screen);
  };
}

function ItemRow({ assessmentId, item, onAccept, onWithdraw }: { assessmentId: string; item: PreflightItem; onAccept: () => void; onWithdraw: () => void }) {
  const styles = useStyles();
  const goToFix = useGoToFix(assessmentId, item);
  const heading = preflightHeading(item);
  return (
    <li className={styles.item} data-testid="preflight-item" data-item-id={item.id}>
      <SeverityBadge item={item} />
      <div className={styles.text}>
        <Text weight="semibold" data-testid="preflight-heading">
          {heading}
        </Text>
        <Text>{item.message}</Text>
        <Text size={200}>Where to fix: {item.where}</Text>
        {item.accepted && (
          <Text size={200} data-testid="preflight-accepted-reason">
            Accepted{item.accepted.by ? ` by ${item.accepted.by}` : ''}: {item.accepted.reason}
          </Text>
        )}
      </div>
      <div className={styles.actions}>
        {item.screen !== 'report' && (
          <Button size="small" icon={<ArrowRightRegular />} onClick={() => void goToFix()} aria-label={`Go to ${SCREEN_LABEL[item.screen]} to fix “${heading}”`}>
            {SCREEN_LABEL[item.screen]}
          </Button>
        )}
        {item.accepted ? (
          <Button size="small" onClick={onWithdraw} aria-label={`Withdraw the acceptance of “${heading}”`}>
            Withdraw
          </Button>
        ) : (
          <Button size="small" onClick={onAccept} aria-label={`Accept “${heading}”…`} data-testid="preflight-accept">
            Accept…
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * The pre-flight check: what would embarrass the report, blockers first, each with where to
 * fix it (a link to the screen) or "Accept…" with a required reason.
 */
export function PreflightPanel({ assessmentId, result, consultant, onRefresh }: { assessmentId: string; result: PreflightResult | null; consultant: string | undefined; onRefresh: () => void }) {
  const styles = useStyles();
  const [accepting, setAccepting] = useState<PreflightItem | null>(null);
  const [showAll, setShowAll] = useState(false);
  const items = result?.items ?? [];
  const shown = showAll ? listed(items) : folded(items);
  return (
    <section className={styles.panel} aria-labelledby="preflight-title" data-testid="preflight">
      <div className={styles.header}>
        <Text as="h2" size={500} weight="semibold" id="preflight-title">
          Pre-flight check
        </Text>
        <Button size="small" icon={<ArrowSyncRegular />} onClick={onRefresh}>
          Check again
        </Button>
      </div>
      {!result ? (
        <Text>Checking…</Text>
      ) : (
        <MessageBar intent={result.openBlockers > 0 ? 'error' : result.open > 0 ? 'warning' : 'success'} data-testid="preflight-summary">
          <MessageBarBody>
            {items.length === 0
              ? 'Nothing to fix: the report does not contradict itself.'
              : `${result.openBlockers} blocker(s) open, ${result.open} open item(s) in all, ${items.length - result.open} accepted. Fix each or accept it with a reason.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label="Pre-flight items">
        {shown.map((item) => (
          <ItemRow key={item.id} assessmentId={assessmentId} item={item} onAccept={() => setAccepting(item)} onWithdraw={() => void withdrawPreflightAcceptance(assessmentId, item.id).then(onRefresh)} />
        ))}
      </ul>
      {!showAll && shown.length < items.length && (
        <Button onClick={() => setShowAll(true)} data-testid="preflight-show-all">
          Show all {items.length} items
        </Button>
      )}
      {accepting && (
        <AcceptDialog
          item={accepting}
          assessmentId={assessmentId}
          by={consultant}
          onClose={() => {
            setAccepting(null);
            onRefresh();
          }}
        />
      )}
    </section>
  );
}
