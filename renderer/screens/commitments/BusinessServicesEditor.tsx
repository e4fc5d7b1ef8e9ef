import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Workload } from '../../../core/commitments/workload';
import { criticalityLabel } from '../../content/vocabulary-labels';
import type { BusinessServiceRecord } from '../../db/database';
import { addBusinessService, removeBusinessService, updateBusinessService } from '../../db/business-services-repository';
import { refreshRisks } from '../../db/risks-repository';
import { useContentPack } from '../../hooks/use-content-pack';
import type { CommitmentsView } from '../../workers/commitments-protocol';
import { EMPTY_DRAFT, ServiceForm, draftOf, inputOf } from './ServiceForm';
import { suggestionSource } from './suggestion-source';
import { counted } from '../../../core/text/counted';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const minutes = (n: number | undefined) => (n === undefined ? '—' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`);

function membersText(s: BusinessServiceRecord): string {
  const parts = [];
  if (s.resourceIds.length > 0) parts.push(counted(s.resourceIds.length, 'resource'));
  if (s.resourceGroups.length > 0) parts.push(counted(s.resourceGroups.length, 'resource group'));
  return parts.join(', ') || 'No resource yet';
}

function ServiceTable({ services, onEdit, onDelete }: { services: BusinessServiceRecord[]; onEdit: (id: string) => void; onDelete: (id: string) => void }) {
  return (
    <Table aria-label="The client's business services" size="small" data-testid="business-services">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Service</TableHeaderCell>
          <TableHeaderCell>Criticality</TableHeaderCell>
          <TableHeaderCell>RTO</TableHeaderCell>
          <TableHeaderCell>Tolerated downtime a month</TableHeaderCell>
          <TableHeaderCell>Members</TableHeaderCell>
          <TableHeaderCell>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {services.map((s) => (
          <TableRow key={s.id} data-testid={`business-service-${s.name}`}>
            <TableCell>{s.name}</TableCell>
            <TableCell>{s.criticality ? criticalityLabel(s.criticality) : '—'}</TableCell>
            <TableCell>{minutes(s.rtoMinutes)}</TableCell>
            <TableCell>{minutes(s.toleratedDowntimeMinutesPerMonth)}</TableCell>
            <TableCell>{membersText(s)}</TableCell>
            <TableCell>
              <Button size="small" icon={<EditRegular />} aria-label={`Edit ${s.name}`} onClick={() => onEdit(s.id)} />
              <Button size="small" icon={<DeleteRegular />} aria-label={`Delete ${s.name}`} onClick={() => onDelete(s.id)} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Demarc's suggestions not yet taken: accepting one stores it as a service the consultant can then refine. */
function Suggestions({ assessmentId, suggestions, services, onChanged }: { assessmentId: string; suggestions: Workload[]; services: BusinessServiceRecord[]; onChanged: () => void }) {
  const styles = useStyles();
  const [failure, setFailure] = useState<string | null>(null);
  const taken = new Set(services.map((s) => s.basis));
  const open = suggestions.filter((w) => w.accept && !taken.has(w.accept.basis));
  if (open.length === 0) return null;
  const accept = async (list: Workload[]) => {
    try {
      for (const w of list) await addBusinessService(assessmentId, { name: uniqueName(w.name, services), ...w.accept! });
      setFailure(null);
      onChanged();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className={styles.section} data-testid="service-suggestions">
      <Text>Demarc suggests these services from workload tags and resource groups: accept them as a starting point, then rename, regroup and set their tolerance.</Text>
      <div className={styles.row}>
        {open.map((w) => (
          <Button key={w.id} size="small" icon={<AddRegular />} onClick={() => void accept([w])} aria-label={`Accept suggestion ${w.name} (${w.basis})`}>
            {w.name}&nbsp;<span className={styles.muted}>({suggestionSource(w.name, w.accept!.basis)})</span>
          </Button>
        ))}
        {open.length > 1 && (
          <Button size="small" appearance="primary" onClick={() => void accept(open)} data-testid="accept-all-suggestions">
            Accept all {open.length}
          </Button>
        )}
      </div>
      {failure && <Text role="alert">{failure}</Text>}
    </div>
  );
}

/** A suggestion named like a stored service gets a suffix rather than being refused. */
function uniqueName(name: string, services: BusinessServiceRecord[]): string {
  const names = new Set(services.map((s) => s.name.toLowerCase()));
  let candidate = name;
  for (let i = 2; names.has(candidate.toLowerCase()); i++) candidate = `${name} (${i})`;
  return candidate;
}

/**
 * The client's business services: the workloads whose composite SLA Demarc compares with
 * their tolerance, and the services the report names for each risk. Saved when the consultant
 * presses Save (each save checked against the bundle's schema).
 */
export function BusinessServicesEditor({ assessmentId, services, view }: { assessmentId: string; services: BusinessServiceRecord[]; view: CommitmentsView }) {
  const styles = useStyles();
  const pack = useContentPack();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  // a service's gap is evidence in the register: re-derive it after each change (its failure only delays that to the next refresh)
  const registerFollows = () => void refreshRisks(assessmentId, pack).catch(() => undefined);
  const current = editing && editing !== 'new' ? services.find((s) => s.id === editing) : undefined;
  return (
    <section className={styles.section} aria-labelledby="business-services-title" data-testid="business-services-editor">
      <Title3 as="h3" id="business-services-title">
        Business services
      </Title3>
      <Text>
        Group the resources each of the client’s business services needs. Each service is judged below against its own tolerance: its
        tolerated downtime a month, else its recovery time objective, else its criticality, else the scoping answer.
      </Text>
      {services.length === 0 ? (
        <Text data-testid="no-business-services">No business services yet: the services judged below are Demarc’s suggestions.</Text>
      ) : (
        <ServiceTable services={services} onEdit={setEditing} onDelete={(id) => void removeBusinessService(id).then(registerFollows)} />
      )}
      {editing === null && (
        <div>
          <Button icon={<AddRegular />} onClick={() => setEditing('new')} data-testid="add-business-service">
            New service
          </Button>
        </div>
      )}
      {editing !== null && (
        <ServiceForm
          key={editing}
          title={current ? `Edit ${current.name}` : 'New business service'}
          initial={current ? draftOf(current) : EMPTY_DRAFT}
          view={view}
          onCancel={() => setEditing(null)}
          onSave={async (draft) => {
            const input = inputOf(draft);
            if (current) await updateBusinessService(current.id, input);
            else await addBusinessService(assessmentId, input);
            setEditing(null);
            registerFollows();
          }}
        />
      )}
      <Suggestions assessmentId={assessmentId} suggestions={view.suggestions} services={services} onChanged={registerFollows} />
    </section>
  );
}
