import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  actions: { marginLeft: 'auto', display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The h2 of a screen, an optional one-line description and actions on the right. */
export function ScreenHeader({ id, title, description, actions }: { id: string; title: string; description?: string; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Title2 as="h2" id={id}>
        {title}
      </Title2>
      {description && <Text>{description}</Text>}
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
