import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import {
  AlertUrgentRegular,
  BoxMultipleRegular,
  ChatMultipleRegular,
  DocumentTextRegular,
  FolderRegular,
  SettingsRegular,
  ShieldErrorRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useColorScheme } from '../hooks/use-color-scheme';
import { AREAS, useUiStore, type Area } from '../stores/ui-store';
import { AssessmentsScreen } from '../screens/AssessmentsScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { UpcomingAreaScreen } from '../screens/UpcomingAreaScreen';

const AREA_LABELS: Record<Area, { label: string; icon: ReactElement }> = {
  assessments: { label: 'Assessments', icon: <FolderRegular /> },
  interview: { label: 'Interview', icon: <ChatMultipleRegular /> },
  inventory: { label: 'Inventory', icon: <BoxMultipleRegular /> },
  risks: { label: 'Risks', icon: <ShieldErrorRegular /> },
  'incident-response': { label: 'Incident response', icon: <AlertUrgentRegular /> },
  report: { label: 'Report', icon: <DocumentTextRegular /> },
  settings: { label: 'Settings', icon: <SettingsRegular /> },
};

const useStyles = makeStyles({
  frame: {
    display: 'grid',
    gridTemplateColumns: '220px 1fr',
    gridTemplateRows: '48px 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridColumn: '1 / 3',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  nav: {
    paddingBlock: tokens.spacingVerticalM,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    overflow: 'auto',
    padding: tokens.spacingHorizontalXXL,
  },
});

function AreaScreen({ area }: { area: Area }) {
  switch (area) {
    case 'assessments':
      return <AssessmentsScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <UpcomingAreaScreen area={area} label={AREA_LABELS[area].label} />;
  }
}

export function App() {
  const scheme = useColorScheme();
  const styles = useStyles();
  const area = useUiStore((s) => s.area);
  const showArea = useUiStore((s) => s.showArea);

  return (
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme} data-theme={scheme}>
      <div className={styles.frame}>
        <header className={styles.header}>
          <Text weight="semibold" size={500} as="h1">
            Demarc
          </Text>
          <Text size={200}>Shared-responsibility risk assessments for Azure and Microsoft 365</Text>
        </header>
        <nav className={styles.nav} aria-label="Areas">
          <TabList
            vertical
            selectedValue={area}
            onTabSelect={(_event, data) => showArea(data.value as Area)}
            data-testid="area-nav"
          >
            {AREAS.map((key) => (
              <Tab key={key} value={key} icon={AREA_LABELS[key].icon} data-testid={`nav-${key}`}>
                {AREA_LABELS[key].label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={styles.main} data-testid={`area-${area}`}>
          <AreaScreen area={area} />
        </main>
      </div>
    </FluentProvider>
  );
}
