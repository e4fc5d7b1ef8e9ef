import { Button, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ContactRecord } from '../../db/database';
import { removeContact, type ContactInput } from '../../db/incident-repository';
import { useQueuedField } from '../../hooks/use-queued-field';

const COLUMNS: { key: keyof ContactInput; label: string; type: 'text' | 'tel' | 'email' }[] = [
  { key: 'name', label: 'Name', type: 'text' },
  { key: 'role', label: 'Role', type: 'text' },
  { key: 'phone', label: 'Phone', type: 'tel' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'deputy', label: 'Deputy', type: 'text' },
];

function ContactRow({ contact, index }: { contact: ContactRecord; index: number }) {
  const stored: ContactInput = { name: contact.name, role: contact.role, phone: contact.phone, email: contact.email, deputy: contact.deputy };
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
        <Button icon={<DeleteRegular />} aria-label={`Remove contact ${index + 1}`} onClick={() => void removeContact(contact.id)} />
      </TableCell>
    </TableRow>
  );
}

export function ContactsTable({ contacts }: { contacts: ContactRecord[] }) {
  if (contacts.length === 0) return <Text data-testid="no-contacts">No contacts yet: add the incident commander, the Microsoft support contract owner and their deputies.</Text>;
  return (
    <Table aria-labelledby="ir-contacts-title" size="small" data-testid="contacts">
      <TableHeader>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c.key}>{c.label}</TableHeaderCell>
          ))}
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
