import { Field, Input, Radio, RadioGroup, Text, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ProviderWorksheet } from '../../../core/bundle/schema';
import type { WorksheetItems } from '../../../core/commitments/schema';
import { scopedProviders, worksheetStatuses, type ScopedProvider, type WorksheetStatus } from '../../../core/commitments/worksheet';
import { database } from '../../db/database';
import { listProviderWorksheets } from '../../db/provider-worksheets-repository';
import { useContentPack } from '../../hooks/use-content-pack';
import { useQueuedField } from '../../hooks/use-queued-field';

const useStyles = makeStyles({
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalM },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(16rem, 2fr) minmax(14rem, auto) minmax(16rem, 3fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  secondary: { color: tokens.colorNeutralForeground2 },
});

const STATUSES: { id: WorksheetStatus; label: string }[] = [
  { id: 'yes', label: 'Yes' },
  { id: 'partial', label: 'Partial' },
  { id: 'no', label: 'No' },
  { id: 'unknown', label: 'Unknown' },
];

/** The sheet with one item's answer replaced; items keep the pack's order. */
function withAnswer(sheet: ProviderWorksheet, items: WorksheetItems, itemId: string, change: { status?: WorksheetStatus; note?: string }): ProviderWorksheet {
  const current = worksheetStatuses(items, sheet);
  const answers = items.items.flatMap((item) => {
    const stored = sheet.answers.find((a) => a.itemId === item.id);
    if (item.id !== itemId) return stored ? [stored] : [];
    const { status, note } = { ...current.get(item.id)!, ...change };
    return [{ itemId: item.id, status, ...(note ? { note } : {}) }];
  });
  return { ...sheet, answers };
}

function WorksheetItemRow({ item, provider, status, note, onChange }: {
  item: WorksheetItems['items'][number];
  provider: string;
  status: WorksheetStatus;
  note: string;
  onChange: (change: { status?: WorksheetStatus; note?: string }) => void;
}) {
  const styles = useStyles();
  const labelId = `ws-${provider}-${item.id}`;
  return (
    <div className={styles.item} data-testid={`worksheet-item-${provider}-${item.id}`}>
      <div>
        <Text weight="semibold" id={labelId}>
          {item.label}
        </Text>
        <br />
        <Text size={200}>{item.question}</Text>
        <br />
        <Text size={200} className={styles.secondary}>
          Why: {item.why}
          {item.sources.length > 0 ? ` (${item.sources.join(', ')})` : ''}
        </Text>
      </div>
      <RadioGroup layout="horizontal" aria-labelledby={labelId} value={status} onChange={(_e, d) => onChange({ status: d.value as WorksheetStatus })}>
        {STATUSES.map((s) => (
          <Radio key={s.id} value={s.id} label={s.label} data-testid={`worksheet-status-${provider}-${item.id}-${s.id}`} />
        ))}
      </RadioGroup>
      <Field label="Note" hint={item.record}>
        <Textarea value={note} onChange={(_e, d) => onChange({ note: d.value })} rows={2} resize="vertical" data-testid={`worksheet-note-${provider}-${item.id}`} />
      </Field>
    </div>
  );
}

/** One provider's worksheet, saved as it is typed (the whole sheet, validated, through the write queue). */
function ProviderSheet({ assessmentId, provider, stored, items, named }: { assessmentId: string; provider: ScopedProvider; stored: ProviderWorksheet; items: WorksheetItems; named: boolean }) {
  const styles = useStyles();
  const [sheet, setSheet, error] = useQueuedField(`${assessmentId}:worksheet:${provider.choice}`, stored, (value) => ({ kind: 'provider-worksheet', assessmentId, sheet: value }));
  const statuses = worksheetStatuses(items, sheet);
  return (
    <div className={styles.sheet} data-testid={`worksheet-${provider.choice}`}>
      <Title3 as="h4">{named ? sheet.name?.trim() || provider.name : provider.name}</Title3>
      {named && (
        <Field label="Provider name" hint="The provider chosen as “another provider” in scoping; the report names its column with it." required>
          <Input value={sheet.name ?? ''} onChange={(_e, d) => setSheet({ ...sheet, name: d.value })} data-testid={`worksheet-name-${provider.choice}`} />
        </Field>
      )}
      {!provider.matrix && <Text>Demarc has no sourced responsibility matrix for this provider: its split is not sourced and the report says so.</Text>}
      {error && (
        <Text role="alert" data-testid={`worksheet-error-${provider.choice}`}>
          Not saved: {error}
        </Text>
      )}
      {items.items.map((item) => (
        <WorksheetItemRow
          key={item.id}
          item={item}
          provider={provider.choice}
          status={statuses.get(item.id)!.status}
          note={statuses.get(item.id)!.note}
          onChange={(change) => setSheet(withAnswer(sheet, items, item.id, change))}
        />
      ))}
    </div>
  );
}

/** A worksheet for each non-Microsoft provider the client chose in scoping; an item never answered is unknown. */
export function ProviderWorksheets({ assessmentId }: { assessmentId: string }) {
  const pack = useContentPack();
  const items = pack.commitments?.worksheet;
  const loaded = useLiveQuery(async () => {
    if (!items) return undefined;
    const [answer, sheets] = await Promise.all([database().answers.get([assessmentId, items.scopeQuestion]), listProviderWorksheets(assessmentId)]);
    return { choices: answer?.choices ?? [], sheets };
  }, [assessmentId, items]);
  if (!items || !pack.commitments) return null;
  if (!loaded) return null;
  const scope = pack.questions.get(items.scopeQuestion);
  const label = (choice: string) => scope?.choices.find((c) => c.id === choice)?.label ?? choice;
  const providers = scopedProviders({ [items.scopeQuestion]: { choices: loaded.choices } }, items, pack.commitments.otherProviders, label, loaded.sheets);
  return (
    <section aria-labelledby="worksheets-title" data-testid="provider-worksheets">
      <Title3 as="h3" id="worksheets-title">
        Provider-commitment worksheets
      </Title3>
      {providers.length === 0 ? (
        <Text>No other provider is in scope: answer {items.scopeQuestion} to add one.</Text>
      ) : (
        <Text>
          For each provider chosen in {items.scopeQuestion}: what the client has checked in its own terms. Saved as you type; an item left unanswered is reported as
          unknown.
        </Text>
      )}
      {providers.map((p) => {
        const stored = loaded.sheets.find((s) => s.provider === p.choice);
        const sheet: ProviderWorksheet = stored ? { provider: stored.provider, ...(stored.name !== undefined ? { name: stored.name } : {}), answers: stored.answers } : { provider: p.choice, answers: [] };
        return <ProviderSheet key={p.choice} assessmentId={assessmentId} provider={p} stored={sheet} items={items} named={p.choice === items.namedChoice} />;
      })}
    </section>
  );
}
