import { FluentProvider, Tab, TabList, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import {
  AlertUrgentRegular,
  BoxMultipleRegular,
  BriefcaseRegular,
  ChatMultipleRegular,
  DocumentTextRegular,
  FolderRegular,
  GridRegular,
  HandshakeRegular,
  PeopleTeamRegular,
  SettingsRegular,
  ShieldErrorRegular,
} from '@fluentui/react-icons';
import { useEffect, type ReactElement } from 'react';
import { SaveIndicator } from '../components/SaveIndicator';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { useColorScheme } from '../hooks/use-color-scheme';
import { useDatabaseReady } from '../hooks/use-database-ready';
import { isTypingTarget } from '../hooks/use-interview-keys';
import { OpenAssessmentProvider, useOpenAssessment } from '../hooks/use-open-assessment';
import { AREAS, useUiStore, type Area } from '../stores/ui-store';
import { areaOfShortcut } from './area-shortcuts';
import { AreaScreen } from './AreaScreen';

export const AREA_LABELS: Record<Area, { label: string; icon: ReactElement }> = {
  assessments: { label: 'Assessments', icon: <FolderRegular /> },
  engagement: { label: 'Engagement', icon: <BriefcaseRegular /> },
  interview: { label: 'Interview', icon: <ChatMultipleRegular /> },
  inventory: { label: 'Inventory', icon: <BoxMultipleRegular /> },
  risks: { label: 'Risks', icon: <ShieldErrorRegular /> },
  responsibility: { label: 'Responsibility', icon: <PeopleTeamRegular /> },
  commitments: { label: 'Provider commitments', icon: <HandshakeRegular /> },
  'heat-maps': { label: 'Heat maps', icon: <GridRegular /> },
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
  headerEnd: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForegroundOnBrand },
  nav: {
    paddingBlock: tokens.spacingVerticalM,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: 'auto',
  },
  // a tab centres its label in the width of the bold (selected) label: in a vertical list that
  // puts each label at a different distance from its icon, so labels start at the same edge
  tabLabel: { textAlign: 'start' },
  main: {
    overflow: 'auto',
    padding: tokens.spacingHorizontalXXL,
    minWidth: 0,
  },
});

function useAreaShortcuts(showArea: (area: Area) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const area = areaOfShortcut(event);
      // Alt with a digit may type a character in a field on some layouts: the field keeps it
      if (!area || (event.altKey && isTypingTarget(event.target))) return;
      event.preventDefault();
      showArea(area);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showArea]);
}

/** The open assessment's name; its own component, so a saved answer re-renders only this. */
function OpenAssessmentName() {
  const assessment = useOpenAssessment();
  if (!assessment) return null;
  return (
    <Text size={300} weight="semibold" data-testid="open-assessment-name">
      {assessment.name}
    </Text>
  );
}

export function App() {
  const scheme = useColorScheme();
  const styles = useStyles();
  const area = useUiStore((s) => s.area);
  const showArea = useUiStore((s) => s.showArea);
  const dbState = useDatabaseReady();
  useAreaShortcuts(showArea);

  return (
    <FluentProvider theme={scheme === 'dark' ? webDarkTheme : webLightTheme} data-theme={scheme}>
      <OpenAssessmentProvider>
        <div className={styles.frame}>
          <header className={styles.header}>
            <Text weight="semibold" size={500} as="h1">
              Demarc
            </Text>
            <Text size={200}>Shared-responsibility risk assessments for Azure and Microsoft 365</Text>
            <div className={styles.headerEnd}>
              <OpenAssessmentName />
              <SaveIndicator />
              <ShortcutHelp />
            </div>
          </header>
          <nav className={styles.nav} aria-label="Areas">
            <TabList vertical selectedValue={area} onTabSelect={(_event, data) => showArea(data.value as Area)} data-testid="area-nav">
              {AREAS.map((key) => (
                <Tab key={key} value={key} icon={AREA_LABELS[key].icon} content={{ className: styles.tabLabel }} data-testid={`nav-${key}`}>
                  {AREA_LABELS[key].label}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className={styles.main} data-testid={`area-${area}`}>
            {dbState.status === 'ready' || area === 'assessments' ? <AreaScreen area={area} /> : null}
          </main>
        </div>
      </OpenAssessmentProvider>
    </FluentProvider>
  );
}
