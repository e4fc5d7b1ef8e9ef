import { Button, Field, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { BREAK_GLASS_CHECK_ID as BREAK_GLASS_CHECK, describeNamedAccount } from '../../../../core/graph/checks/break-glass';
import { database, type AssessmentRecord, type SnapshotRecord } from '../../../db/database';
import { parseAccountsText, saveBreakGlassAccounts } from '../../../db/break-glass-repository';
import { readFindings } from '../../../db/inventory-repository';
import { refreshRisks } from '../../../db/risks-repository';
import { useContentPack } from '../../../hooks/use-content-pack';
import { runInventoryTask } from '../../../workers/inventory-client';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '900px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  errors: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** What GR-09 says on the snapshot: its result, or why it was not assessed. */
function useCheckOutcome(snapshot: SnapshotRecord | undefined): string | null {
  const findings = useLiveQuery(() => (snapshot ? readFindings(database(), snapshot.id) : Promise.resolve([])), [snapshot?.id, snapshot?.findingCount, snapshot?.graph?.notAssessed]);
  if (!snapshot) return null;
  const notAssessed = snapshot.graph?.notAssessed.find((n) => n.checkId === BREAK_GLASS_CHECK);
  if (notAssessed) return `not assessed: ${notAssessed.reason}`;
  const finding = findings?.find((f) => f.checkId === BREAK_GLASS_CHECK);
  if (!finding) return null;
  return finding.status === 'fail' ? 'fails on this snapshot' : 'passes on this snapshot';
}

/** The named accounts as the newest Graph snapshot shows them, or why it cannot show them. */
function AccountStatus({ named, snapshot }: { named: readonly string[]; snapshot: SnapshotRecord | undefined }) {
  const outcome = useCheckOutcome(snapshot);
  if (!snapshot) return <Text data-testid="break-glass-no-snapshot">No Microsoft Graph snapshot yet: pull or import one to check the named accounts.</Text>;
  const taken = new Date(snapshot.takenAt).toLocaleString();
  const header = (
    <Text data-testid="break-glass-outcome">
      Newest Microsoft Graph snapshot ({snapshot.label}, {taken}): {BREAK_GLASS_CHECK} {outcome ?? 'has no result'}.
    </Text>
  );
  if ((snapshot.graph?.collections.length ?? 0) === 0)
    return (
      <>
        {header}
        <Text data-testid="break-glass-no-objects">
          This snapshot was read from an assessment bundle, which keeps its findings but not the Graph objects: pull or import Microsoft Graph again to check the accounts named
          now.
        </Text>
      </>
    );
  const accounts = snapshot.graph?.namedAccounts ?? [];
  if (named.length === 0 || accounts.length === 0) return header;
  return (
    <>
      {header}
      <Table size="extra-small" aria-label="Named emergency access accounts in the newest Graph snapshot" data-testid="break-glass-status">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Account</TableHeaderCell>
            <TableHeaderCell>In the snapshot</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {accounts.map((a) => (
            <TableRow key={a.named} data-testid="break-glass-account" data-found={a.found} data-usable={a.problems.length === 0}>
              <TableCell>{a.userPrincipalName && a.userPrincipalName.toLowerCase() !== a.named.toLowerCase() ? `${a.named} (${a.userPrincipalName})` : a.named}</TableCell>
              <TableCell>{describeNamedAccount(a)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/**
 * The client's emergency access (break-glass) accounts, named by the consultant: GR-09 checks
 * them, and Conditional Access exclusions of them stop counting as weakening. Saving re-runs the
 * Graph checks of the assessment's Graph snapshots (in the inventory worker) and re-derives the
 * register. Nothing invalid is saved; each problem names the entry.
 */
export function BreakGlassPanel({ assessment, graphSnapshot }: { assessment: AssessmentRecord; graphSnapshot: SnapshotRecord | undefined }) {
  const styles = useStyles();
  const pack = useContentPack();
  const stored = assessment.breakGlassAccounts ?? [];
  const [text, setText] = useState(() => stored.join('\n'));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const save = async () => {
    setStatus('');
    const parsed = parseAccountsText(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const accounts = await saveBreakGlassAccounts(assessment.id, parsed.accounts);
      setText(accounts.join('\n'));
      const rechecked = await runInventoryTask({ kind: 'recheck-graph', assessmentId: assessment.id, matrixId: assessment.matrixId });
      const changed = await refreshRisks(assessment.id, pack);
      const named = accounts.length === 0 ? 'No emergency access accounts named' : `Saved ${accounts.length} emergency access account(s)`;
      const checks = rechecked.snapshotId ? 'the Graph checks were re-run' : 'no Graph snapshot with objects to re-check';
      setStatus(`${named}; ${checks}; ${changed} risk(s) of the register changed.`);
    } catch (error) {
      setErrors([error instanceof Error ? error.message : String(error)]);
    } finally {
      setBusy(false);
    }
  };

  const unsaved = text.split(/[\n,;]/).map((e) => e.trim()).filter(Boolean).join('\n') !== stored.join('\n');
  return (
    <section className={styles.block} aria-labelledby="break-glass-title" data-testid="break-glass-panel">
      <Title3 as="h3" id="break-glass-title">
        Emergency access accounts
      </Title3>
      <Text>
        Name the client’s emergency access (break-glass) accounts, as asked in interview question PAM-09. Check {BREAK_GLASS_CHECK} looks for them in the newest Microsoft Graph snapshot,
        and Conditional Access exclusions of these accounts no longer count as weakening a policy.
      </Text>
      <Field
        label="Accounts, one per line"
        hint="A user principal name (breakglass1@contoso.onmicrosoft.com) or an object id. Ctrl+Enter saves."
        validationState={errors.length > 0 ? 'error' : 'none'}
        validationMessage={
          errors.length > 0 ? (
            <ul className={styles.errors} data-testid="break-glass-errors">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : undefined
        }
      >
        <Textarea
          value={text}
          rows={3}
          resize="vertical"
          onChange={(_e, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
          data-testid="break-glass-input"
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy} data-testid="break-glass-save">
          Save accounts
        </Button>
        {busy && <Spinner size="tiny" label="Re-running the Graph checks…" />}
        {!busy && unsaved && <Text>Not saved yet.</Text>}
      </div>
      <Text role="status" data-testid="break-glass-saved">
        {status}
      </Text>
      <AccountStatus named={stored} snapshot={graphSnapshot} />
    </section>
  );
}
