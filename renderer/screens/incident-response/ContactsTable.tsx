import { Button, Dropdown, Field, Input, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ContactRecord } from '../../db/database';
import { IR_ROLES, knownRoles, type IrRoleId } from '../../../core/report/ir-roles';
import { contactSchema, removeContact, type ContactInput } from '../../db/incident-repository';
import { useQueuedField } from '../../hooks/use-queued-field';

type TextKey = 'name' | 'organisation' | 'role' | 'phone' | 'email' | 'deputy';
type Editable = Required<Pick<ContactInput, TextKey>> & { roles: IrRoleId[] };

const ORGANISATION_HINT_ID = 'ir-contacts-organisation-hint';

const COLUMNS: { key: TextKey; label: string; type: 'text' | 'tel' | 'email'; describedBy?: string }[] = [
  { key: 'name', label: 'Name', type: 'text' },
  // whether someone is outside the client (an MSSP, the insurer, Microsoft) is what a responder needs before dialling
  { key: 'organisation', label: 'Organisation', type: 'text', describedBy: ORGANISATION_HINT_ID },
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
  const stored: Editable = {
    name: contact.name,
    organisation: contact.organisation ?? '',
    role: contact.role,
    phone: contact.phone,
    email: contact.email,
    deputy: contact.deputy,
    roles: knownRoles(contact.roles),
  };
  const [value, setValue, saveError] = useQueuedField(`contact:${contact.id}`, stored, (v) => ({ kind: 'contact', contactId: contact.id, input: v }));
  // the store refuses what the schema refuses: the message goes under the field it is about,
  // and a refusal no field explains (a failed write) under the first one
  const problemOf = (key: TextKey): string | undefined => contactSchema.shape[key].safeParse(value[key]).error?.issues[0]?.message;
  const unexplained = saveError !== null && COLUMNS.every((c) => problemOf(c.key) === undefined) ? saveError : undefined;
  return (
    <TableRow data-testid="contact-row">
      {COLUMNS.map((c, i) => (
        <TableCell key={c.key}>
          <Field validationMessage={problemOf(c.key) ?? (i === 0 ? unexplained : undefined)}>
            <Input
              type={c.type}
              aria-label={`Contact ${index + 1} ${c.label.toLowerCase()}`}
              aria-describedby={c.describedBy}
              value={value[c.key]}
              onChange={(_e, d) => setValue({ ...value, [c.key]: d.value })}
              data-testid={`contact-${c.key}`}
            />
          </Field>
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
    <>
      <Text id={ORGANISATION_HINT_ID} size={200}>
        Organisation: the company of anyone outside the client (MSSP, insurer, Microsoft, external counsel), printed under their name on the contact sheet. Leave it blank for the client’s own staff.
      </Text>
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
    </>
  );
}
