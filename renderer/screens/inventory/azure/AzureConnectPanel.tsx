import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChannelRequest, ChannelResponse } from '../../../../core/ipc/contract';
import { callMain, hasBridge, onMainEvent } from '../../../bridge/demarc-client';
import type { AssessmentRecord } from '../../../db/database';
import { useAzurePull } from '../../../hooks/use-azure-pull';
import { useContentPack } from '../../../hooks/use-content-pack';
import { useGraphPull } from '../../../hooks/use-graph-pull';
import { GraphPermissions } from '../graph/GraphPermissions';
import { GraphPullProgress, GraphPullStart } from '../graph/GraphPullPanel';
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

/** What a live pull reads: Azure resources (Resource Graph) or the tenant's identity settings (Microsoft Graph). */
type Source = 'resource-graph' | 'microsoft-graph';

/**
 * Connect to Azure: sign in once, then pull either source into a new snapshot, after which
 * its checks run. Resource Graph: pick scopes first. Microsoft Graph (Entra ID and Microsoft
 * 365): the permissions it needs are listed before sign-in; progress is per collection.
 */
export function AzureConnectPanel({ assessment, onSnapshot }: { assessment: AssessmentRecord; onSnapshot: (snapshotId: string) => void }) {
  const styles = useStyles();
  const pack = useContentPack();
  const [session, setSession] = useState<Session | null>(null);
  const [busy, setBusy] = useState(false);
  const [deviceCode, setDeviceCode] = useState<{ userCode: string; verificationUri: string; message: string } | null>(null);
  const [scopes, setScopes] = useState<Scopes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pull = useAzurePull(assessment, pack, onSnapshot);
  const graphPull = useGraphPull(assessment, pack, onSnapshot);
  const [source, setSource] = useState<Source>('resource-graph');
  const pulling = pull.state?.phase === 'running' || graphPull.state?.phase === 'running';

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
        <AccordionHeader as="h3">Connect to Azure (live pull: Resource Graph, or Microsoft Entra ID and Microsoft 365)</AccordionHeader>
        <AccordionPanel className={styles.body}>
          {!hasBridge() && <Text>Live pulls need the Demarc desktop app.</Text>}
          <Field label="Source">
            <RadioGroup layout="horizontal" value={source} onChange={(_e, d) => setSource(d.value as Source)} disabled={pulling} data-testid="connect-source">
              <Radio value="resource-graph" label="Azure resources (Resource Graph)" />
              <Radio value="microsoft-graph" label="Microsoft Entra ID and Microsoft 365 (Microsoft Graph)" />
            </RadioGroup>
          </Field>
          {source === 'microsoft-graph' && !session?.signedIn && <GraphPermissions />}
          {session?.notice && <Text>{session.notice}</Text>}
          {session?.signedIn ? (
            <div>
              <Text data-testid="azure-account">
                Signed in as {session.account?.username ?? 'unknown'} ({session.account?.cloud}, {session.account?.method})
              </Text>{' '}
              <Button size="small" onClick={signOut} disabled={busy}>
                Sign out
              </Button>{' '}
              {source === 'resource-graph' && (
                <Button size="small" onClick={discover} disabled={busy} data-testid="azure-discover">
                  Find subscriptions
                </Button>
              )}
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
          {source === 'resource-graph' && scopes && session?.signedIn && <ScopePicker scopes={scopes} busy={busy || pulling} onPull={(s, m) => void pull.start(s, m)} />}
          {source === 'resource-graph' && pull.state && <PullProgress state={pull.state} onCancel={() => void pull.cancel()} />}
          {source === 'microsoft-graph' && session?.signedIn && (
            <GraphPullStart customCloud={session.account?.cloud === 'custom'} busy={busy || pulling} onPull={(endpoint) => void graphPull.start(endpoint)} />
          )}
          {source === 'microsoft-graph' && graphPull.state && <GraphPullProgress state={graphPull.state} onCancel={() => void graphPull.cancel()} />}
          {(error ?? pull.error ?? graphPull.error) && (
            <MessageBar intent="error" data-testid="azure-error">
              <MessageBarBody>{error ?? pull.error ?? graphPull.error}</MessageBarBody>
            </MessageBar>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
