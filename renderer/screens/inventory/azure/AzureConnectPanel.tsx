import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChannelRequest, ChannelResponse } from '../../../../core/ipc/contract';
import { callMain, hasBridge, onMainEvent } from '../../../bridge/demarc-client';
import type { AssessmentRecord } from '../../../db/database';
import { useAzurePull } from '../../../hooks/use-azure-pull';
import { useContentPack } from '../../../hooks/use-content-pack';
import { PullProgress } from './PullProgress';
import { ScopePicker } from './ScopePicker';
import { SignInForm } from './SignInForm';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold },
});

type Session = ChannelResponse<'azure:get-session'>;
type Scopes = ChannelResponse<'azure:discover-scopes'>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Connect to Azure: sign in, pick scopes, pull into a new snapshot, then the checks run. */
export function AzureConnectPanel({ assessment, onSnapshot }: { assessment: AssessmentRecord; onSnapshot: (snapshotId: string) => void }) {
  const styles = useStyles();
  const pack = useContentPack();
  const [session, setSession] = useState<Session | null>(null);
  const [busy, setBusy] = useState(false);
  const [deviceCode, setDeviceCode] = useState<{ userCode: string; verificationUri: string; message: string } | null>(null);
  const [scopes, setScopes] = useState<Scopes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pull = useAzurePull(assessment, pack, onSnapshot);

  useEffect(() => {
    if (!hasBridge()) return;
    callMain('azure:get-session', {}).then(setSession, (e: unknown) => setError(errorText(e)));
    return onMainEvent('azure:device-code-issued', setDeviceCode);
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      setDeviceCode(null);
    }
  };
  const signIn = (request: ChannelRequest<'azure:sign-in'>) => void run(async () => setSession(await callMain('azure:sign-in', request)));
  const signOut = () =>
    void run(async () => {
      setSession(await callMain('azure:sign-out', {}));
      setScopes(null);
    });
  const discover = () => void run(async () => setScopes(await callMain('azure:discover-scopes', {})));

  return (
    <Accordion collapsible data-testid="azure-panel">
      <AccordionItem value="azure">
        <AccordionHeader as="h3">Connect to Azure (live Resource Graph pull)</AccordionHeader>
        <AccordionPanel className={styles.body}>
          {!hasBridge() && <Text>Live pulls need the Demarc desktop app.</Text>}
          {session?.notice && <Text>{session.notice}</Text>}
          {session?.signedIn ? (
            <div>
              <Text data-testid="azure-account">
                Signed in as {session.account?.username ?? 'unknown'} ({session.account?.cloud}, {session.account?.method})
              </Text>{' '}
              <Button size="small" onClick={signOut} disabled={busy}>
                Sign out
              </Button>{' '}
              <Button size="small" onClick={discover} disabled={busy} data-testid="azure-discover">
                Find subscriptions
              </Button>
            </div>
          ) : (
            hasBridge() && <SignInForm session={session} busy={busy} onSignIn={signIn} />
          )}
          {busy && !session?.signedIn && (
            <Button size="small" onClick={() => void callMain('azure:cancel-sign-in', {}).catch(() => undefined)}>
              Cancel sign-in
            </Button>
          )}
          {deviceCode && (
            <MessageBar intent="info" data-testid="azure-device-code">
              <MessageBarBody>
                Go to {deviceCode.verificationUri} and enter <span className={styles.code}>{deviceCode.userCode}</span>
              </MessageBarBody>
            </MessageBar>
          )}
          {scopes && session?.signedIn && <ScopePicker scopes={scopes} busy={busy || pull.state?.phase === 'running'} onPull={(s, m) => void pull.start(s, m)} />}
          {pull.state && <PullProgress state={pull.state} onCancel={() => void pull.cancel()} />}
          {(error ?? pull.error) && (
            <MessageBar intent="error" data-testid="azure-error">
              <MessageBarBody>{error ?? pull.error}</MessageBarBody>
            </MessageBar>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
