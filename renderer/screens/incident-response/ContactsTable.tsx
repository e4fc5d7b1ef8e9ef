import { Button, Dropdown, Input, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ContactRecord } from '../../db/database';
import { IR_ROLES, knownRoles, type IrRoleId } from '../../../core/report/ir-roles';
import { removeContact, type ContactInput } from '../../db/incident-repository';
import { useQueuedField } from '../../hooks/use-queued-field';

const COLUMNS: { key: 'name' | 'role' | 'phone' | 'email' | 'deputy'; label: string; type: 'text' | 'tel' | 'email' }[] = [
  { key: 'name', label: 'Name', type: 'text' },
  { key: 'role', label: 'Role', type: 'text' },
  { key: 'phone', label: 'Phone', type: 'tel' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'deputy', label: 'Deputy', type: 'text' },
];

const useStyles = makeStyles({
  // Fluent's dropdown asks for 250px; in the table it takes its column's width like the inputs
  roles: { minWidth: '0', width: '100%' },
});

function ContactRow({ contact, index }: { contact: ContactRecord; index: number }) {
  const styles = useStyles();
  const stored: ContactInput & { roles: IrRoleId[] } = {
    name: contact.name,
    role: contact.role,
    phone: contact.phone,
    email: contact.email,
    deputy: contact.deputy,
    roles: knownRoles(contact.roles),
  };
  const [value, setValue] = useQueuedField(`contact:${contact.id}`, stored, (v) => ({ kind: 'contact', contactId: contact.id, input: v }));
  return (
    <TableRow data-testid="contact-row">
      {COLUMNS.map((c) => (
        <TableCell key={c.key}>
          <Input
            type={c.type}
            aria-label={`Contact ${index + 1} ${c.label.toLowerCase()}`}
            value={value[c.key]}
            onChange={(_e, d) => setValue({ ...value, [c.key]: d.value })}
            data-testid={`contact-${c.key}`}
          />
        </TableCell>
      ))}
      <TableCell>
        <Dropdown
          className={styles.roles}
          multiselect
          aria-label={`Contact ${index + 1} IR roles`}
          placeholder="No IR role"
          selectedOptions={value.roles}
          value={value.roles.map((r) => IR_ROLES.find((x) => x.id === r)?.label ?? r).join(', ')}
          onOptionSelect={(_e, d) => setValue({ ...value, roles: IR_ROLES.filter((x) => d.selectedOptions.includes(x.id)).map((x) => x.id) })}
          data-testid="contact-roles"
        >
          {IR_ROLES.map((r) => (
            <Option key={r.id} value={r.id} text={r.label}>
              {r.label}
            </Option>
          ))}
        </Dropdown>
      </TableCell>
      <TableCell>
        <Button icon={<DeleteRegular />} aria-label={`Remove contact ${index + 1}`} onClick={() => void removeContact(contact.id)} />
      </TableCell>
    </TableRow>
  );
}

export function ContactsTable({ contacts }: { contacts: ContactRecord[] }) {
  if (contacts.length === 0) return <Text data-testid="no-contacts">No contacts yet: add the people the plan needs (incident lead and deputy, CISO, legal / DPO, communications, cloud platform, MSSP, insurer, Microsoft support) and give each their IR roles.</Text>;
  return (
    <Table aria-labelledby="ir-contacts-title" size="small" data-testid="contacts">
      <TableHeader>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c.key}>{c.label}</TableHeaderCell>
          ))}
          <TableHeaderCell>IR roles</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">Remove</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {contacts.map((c, i) => (
          <ContactRow key={c.id} contact={c} index={i} />
        ))}
      </TableBody>
    </Table>
  );
}
