import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { DomainProgress } from '../../../core/interview/flow';
import { InstantProgressBar } from '../../components/InstantProgressBar';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { width: '100%', justifyContent: 'space-between', textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalS },
});

/** The interview's domains with their progress; pick one to jump to it. */
export const DomainList = memo(function DomainList({ domains, currentDomainId, onPick }: { domains: DomainProgress[]; currentDomainId: string | undefined; onPick: (domainId: string) => void }) {
  const styles = useStyles();
  return (
    <nav aria-label="Interview domains">
      <ul className={styles.list} data-testid="domain-list">
        {domains.map((d) => (
          <li key={d.domainId}>
            <Button
              appearance="subtle"
              className={mergeClasses(styles.item, d.domainId === currentDomainId && styles.current)}
              aria-current={d.domainId === currentDomainId ? 'step' : undefined}
              onClick={() => onPick(d.domainId)}
              data-testid={`domain-${d.domainId}`}
            >
              <span>{d.title}</span>
              <Text size={200} className={styles.count} data-testid="domain-progress">
                {d.answered}/{d.total}
              </Text>
            </Button>
            <InstantProgressBar value={d.total === 0 ? 0 : d.answered / d.total} thickness="medium" aria-label={`${d.title}: ${d.answered} of ${d.total} answered`} />
          </li>
        ))}
      </ul>
    </nav>
  );
});
