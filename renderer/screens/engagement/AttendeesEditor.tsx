import { Button, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { Attendee } from '../../db/database';
import { useQueuedField } from '../../hooks/use-queued-field';

// the fields fill their columns and roles get the most room: a role such as "IT Service Manager
// (Microsoft support contract owner)" is read whole, not cut at a default input width
const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { width: '36%' },
  role: { width: 'auto' },
  remove: { width: '48px' },
  input: { width: '100%' },
});

/** Workshop attendees and their roles (they also fill "answered by"). */
export function AttendeesEditor({ assessmentId, attendees }: { assessmentId: string; attendees: Attendee[] }) {
  const styles = useStyles();
  const [list, setList] = useQueuedField(`${assessmentId}:attendees`, attendees, (v) => ({ kind: 'engagement', assessmentId, changes: { attendees: v } }));
  const change = (index: number, field: keyof Attendee, value: string) => setList(list.map((a, i) => (i === index ? { ...a, [field]: value } : a)));
  return (
    <div className={styles.block}>
      <Text weight="semibold" as="h3" id="attendees-title">
        Attendees
      </Text>
      {list.length > 0 && (
        <Table aria-labelledby="attendees-title" size="small" data-testid="attendees">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.name}>Name</TableHeaderCell>
              <TableHeaderCell className={styles.role}>Role</TableHeaderCell>
              <TableHeaderCell className={styles.remove}>
                <span className="visually-hidden">Remove</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((a, i) => (
              <TableRow key={i}>
                <TableCell>
                  <Input className={styles.input} aria-label={`Attendee ${i + 1} name`} value={a.name} onChange={(_e, d) => change(i, 'name', d.value)} data-testid="attendee-name" />
                </TableCell>
                <TableCell>
                  <Input className={styles.input} aria-label={`Attendee ${i + 1} role`} value={a.role} onChange={(_e, d) => change(i, 'role', d.value)} data-testid="attendee-role" />
                </TableCell>
                <TableCell>
                  <Button icon={<DeleteRegular />} aria-label={`Remove attendee ${a.name.trim() || i + 1}`} onClick={() => setList(list.filter((_a, j) => j !== i))} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div>
        <Button icon={<AddRegular />} onClick={() => setList([...list, { name: '', role: '' }])} data-testid="add-attendee">
          Add attendee
        </Button>
      </div>
    </div>
  );
}
