import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { assignIrRoles, isFilled, knownRoles, responsibilitiesWith } from '../../../core/report/ir-roles';
import type { ContactRecord } from '../../db/database';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Which IR roles the contacts fill, as the plan will print them; required gaps stand out. */
export function RoleCoverage({ contacts }: { contacts: readonly ContactRecord[] }) {
  const styles = useStyles();
  // the same shape the bundle export writes (roles and deputy in `responsibilities`)
  const asBundle = contacts.map((c) => ({ id: c.id, name: c.name, role: c.role, responsibilities: responsibilitiesWith(knownRoles(c.roles), c.deputy) }));
  const assignments = assignIrRoles(asBundle);
  return (
    <ul className={styles.list} aria-label="IR role coverage" data-testid="ir-role-coverage">
      {assignments.map((a) => (
        <li key={a.role.id} className={styles.item} data-testid="ir-role" data-filled={isFilled(a) ? 'yes' : 'no'}>
          <Badge appearance={isFilled(a) ? 'tint' : 'filled'} color={isFilled(a) ? 'success' : a.role.required ? 'danger' : 'warning'}>
            {isFilled(a) ? 'Held' : a.role.required ? 'Gap' : 'Gap (if used)'}
          </Badge>
          <Text>
            {a.role.label}
            {isFilled(a) ? `: ${a.contacts.map((c) => c.name).join(', ') || a.namedOnly}` : ''}
          </Text>
        </li>
      ))}
    </ul>
  );
}
