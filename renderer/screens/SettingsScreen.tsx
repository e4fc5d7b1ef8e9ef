import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../core/ipc/contract';
import { callMain, hasBridge } from '../bridge/demarc-client';
import { useStoragePersistence } from '../hooks/use-storage-persistence';
import { useUiStore, type ThemePreference } from '../stores/ui-store';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
});

function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

export function SettingsScreen() {
  const styles = useStyles();
  const themePreference = useUiStore((s) => s.themePreference);
  const setThemePreference = useUiStore((s) => s.setThemePreference);
  const storage = useStoragePersistence();
  const [info, setInfo] = useState<ChannelResponse<'app:get-info'> | null>(null);
  const [secure, setSecure] = useState<ChannelResponse<'secure-storage:get-status'> | null>(null);
  const [callError, setCallError] = useState<string | null>(null);
  const bridgeError = hasBridge() ? callError : 'Not running inside the Demarc desktop shell.';

  useEffect(() => {
    if (!hasBridge()) return;
    Promise.all([callMain('app:get-info', {}), callMain('secure-storage:get-status', {})])
      .then(([appInfo, secureStatus]) => {
        setInfo(appInfo);
        setSecure(secureStatus);
      })
      .catch((error: unknown) => setCallError(error instanceof Error ? error.message : String(error)));
  }, []);

  const persistedText =
    storage.persisted === null ? 'checking…' : storage.persisted ? 'Persistent — the browser engine will not evict it' : 'Best effort — may be evicted under storage pressure';

  return (
    <section className={styles.section} aria-labelledby="settings-title">
      <Title2 as="h2" id="settings-title">
        Settings
      </Title2>

      <Field label="Theme">
        <RadioGroup
          value={themePreference}
          onChange={(_event, data) => setThemePreference(data.value as ThemePreference)}
          layout="horizontal"
          data-testid="theme-choice"
        >
          <Radio value="system" label="Follow the system" />
          <Radio value="light" label="Light" />
          <Radio value="dark" label="Dark" />
        </RadioGroup>
      </Field>

      <h3>Local data</h3>
      <div className={styles.facts}>
        <Text weight="semibold">Storage</Text>
        <Text data-testid="storage-persisted">{storage.supported ? persistedText : 'Storage persistence is not supported here'}</Text>
        <Text weight="semibold">Used</Text>
        <Text>
          {formatBytes(storage.usageBytes)} of {formatBytes(storage.quotaBytes)} available
        </Text>
      </div>

      <h3>This installation</h3>
      {bridgeError ? (
        <MessageBar intent="warning">
          <MessageBarBody>{bridgeError}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.facts}>
          <Text weight="semibold">Version</Text>
          <Text data-testid="app-version">{info ? `${info.name} ${info.version}` : '…'}</Text>
          <Text weight="semibold">Platform</Text>
          <Text>{info ? `${info.platform}${info.electronVersion ? `, Electron ${info.electronVersion}` : ''}` : '…'}</Text>
          <Text weight="semibold">Remembered sign-ins</Text>
          <Text data-testid="secure-storage">
            {secure ? (secure.canPersistSignIn ? `Encrypted with the ${secure.backend} keystore` : (secure.reason ?? 'Not available')) : '…'}
          </Text>
        </div>
      )}
    </section>
  );
}
