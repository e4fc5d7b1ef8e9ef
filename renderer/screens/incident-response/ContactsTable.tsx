import { Button, Dropdown, Field, Input, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ContactRecord } from '../../db/database';
import { IR_ROLES, knownRoles, type IrRoleId } from '../../../core/report/ir-roles';
import { contactSchema, removeContact, type ContactInput } from '../../db/incident-repository';
import { useQueuedField } from '../../hooks/use-queued-field';
import { GrowingText } from '../../components/GrowingText';
import { RemoveHeaderCell } from './RowsEditor';

type TextKey = 'name' | 'organisation' | 'role' | 'phone' | 'email' | 'deputy';
type Editable = Required<Pick<ContactInput, TextKey>> & { roles: IrRoleId[] };

const ORGANISATION_HINT_ID = 'ir-contacts-organisation-hint';

interface FieldSpec {
  key: TextKey;
  label: string;
  /** `tel`: a one-line input; the others wrap */
  type: 'text' | 'tel' | 'email';
  placeholder?: string;
  describedBy?: string;
}

/**
 * The table's text columns; the organisation sits under the name (as on the printed contact
 * sheet) and the email under the phone, so each column is wide enough for its longest field.
 * Text fields wrap (a long role or email address takes a second line) rather than being cut off;
 * the phone number alone stays a one-line input, which it always fits.
 */
const COLUMNS: { header: string; width: string; fields: FieldSpec[] }[] = [
  {
    header: 'Name and organisation',
    width: '21%',
    fields: [
      { key: 'name', label: 'Name', type: 'text', placeholder: 'Name' },
      // whether someone is outside the client (an MSSP, the insurer, Microsoft) is what a responder needs before dialling
      { key: 'organisation', label: 'Organisation', type: 'text', placeholder: 'Organisation, if external', describedBy: ORGANISATION_HINT_ID },
    ],
  },
  { header: 'Role', width: '21%', fields: [{ key: 'role', label: 'Role', type: 'text' }] },
  {
    header: 'Phone and email',
    width: '24%',
    fields: [
      { key: 'phone', label: 'Phone', type: 'tel' },
      { key: 'email', label: 'Email', type: 'email' },
    ],
  },
  { header: 'Deputy', width: '13%', fields: [{ key: 'deputy', label: 'Deputy', type: 'text' }] },
];
const FIELDS = COLUMNS.flatMap((c) => c.fields);
/** The IR roles column: wide enough for two role names side by side. */
const ROLES_WIDTH = '17%';

const useStyles = makeStyles({
  // Fluent's dropdown asks for 250px; in the table it takes its column's width like the inputs
  roles: { minWidth: '0', width: '100%' },
  // inputs fill their column instead of their own preferred width, so the columns fit side by side
  input: { minWidth: '0', width: '100%' },
  // a message under one field makes the row taller: the other fields stay level with it
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** One text field of a contact, with the reason it was refused under it. */
function ContactField({ spec, index, value, problem, onChange }: { spec: FieldSpec; index: number; value: string; problem: string | undefined; onChange: (text: string) => void }) {
  const styles = useStyles();
  const common = {
    'aria-label': `Contact ${index + 1} ${spec.label.toLowerCase()}`,
    'aria-describedby': spec.describedBy,
    placeholder: spec.placeholder,
    value,
    onChange: (_e: unknown, d: { value: string }) => onChange(d.value),
    'data-testid': `contact-${spec.key}`,
  };
  return (
    <Field validationMessage={problem}>
      {spec.type === 'tel' ? <Input className={styles.input} type="tel" {...common} /> : <GrowingText {...common} />}
    </Field>
  );
}

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
  // and a refusal no field explains (a failed write) under the name
  const problemOf = (key: TextKey): string | undefined => contactSchema.shape[key].safeParse(value[key]).error?.issues[0]?.message;
  const unexplained = saveError !== null && FIELDS.every((f) => problemOf(f.key) === undefined) ? saveError : undefined;
  return (
    <TableRow data-testid="contact-row">
      {COLUMNS.map((c) => (
        <TableCell key={c.header} className={styles.cell}>
          <div className={styles.stack}>
            {c.fields.map((f) => (
              <ContactField key={f.key} spec={f} index={index} value={value[f.key]} problem={problemOf(f.key) ?? (f.key === 'name' ? unexplained : undefined)} onChange={(text) => setValue({ ...value, [f.key]: text })} />
            ))}
          </div>
        </TableCell>
      ))}
      <TableCell className={styles.cell}>
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
      <TableCell className={styles.cell}>
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
              <TableHeaderCell key={c.header} style={{ width: c.width }}>
                {c.header}
              </TableHeaderCell>
            ))}
            <TableHeaderCell style={{ width: ROLES_WIDTH }}>IR roles</TableHeaderCell>
            <RemoveHeaderCell />
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
