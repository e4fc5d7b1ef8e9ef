import { Badge, Card, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { database, type ResourceRecord } from '../../db/database';
import { findingsForResource } from '../../db/inventory-repository';
import type { RoleAssignmentView } from './role-assignments';
import { severityLabel } from '../../content/vocabulary-labels';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  id: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', fontSize: tokens.fontSizeBase200 },
  finding: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  evidence: { display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  plain: { margin: 0, overflowWrap: 'anywhere' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', margin: 0 },
});

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** The checks run on one resource, failing first, each with the property values seen. */
export function ResourceFindings({ resource, roleAssignment }: { resource: ResourceRecord; roleAssignment?: RoleAssignmentView | undefined }) {
  const styles = useStyles();
  const findings = useLiveQuery(() => findingsForResource(database(), resource), [resource]);
  const sorted = [...(findings ?? [])].sort((a, b) => (a.status === b.status ? (a.checkId < b.checkId ? -1 : 1) : a.status === 'fail' ? -1 : 1));
  return (
    <Card className={styles.card} data-testid="resource-findings" aria-labelledby="resource-findings-title">
      <Title3 as="h3" id="resource-findings-title">
        {roleAssignment ? `${roleAssignment.role} (role assignment)` : resource.name}
      </Title3>
      {roleAssignment && (
        <dl className={styles.evidence} data-testid="role-assignment-summary">
          <dt>Role</dt>
          <dd className={styles.plain}>{roleAssignment.role}</dd>
          <dt>Principal type</dt>
          <dd className={styles.plain}>{roleAssignment.principalType}</dd>
          <dt>Scope</dt>
          <dd className={styles.plain}>
            {roleAssignment.scope} <span className={styles.id}>{roleAssignment.scopeId}</span>
          </dd>
        </dl>
      )}
      <Text className={styles.id}>{resource.id}</Text>
      <Text>
        {resource.type} · {resource.location || 'no location'} · {resource.serviceModel}
      </Text>
      {sorted.length === 0 && <Text>No check applies to this resource type.</Text>}
      {sorted.map((f) => (
        <div key={f.checkId} className={styles.finding} data-testid="finding" data-status={f.status}>
          <Text weight="semibold">
            {f.checkId} {f.title}{' '}
          </Text>
          <Badge color={f.status === 'fail' ? 'danger' : 'success'}>{f.status === 'fail' ? `Fails (${severityLabel(f.severity)})` : 'Passes'}</Badge>{' '}
          <Badge appearance="outline">Owner: {f.owner}</Badge>
          <dl className={styles.evidence}>
            {Object.entries(f.evidence).map(([path, value]) => (
              <div key={path} style={{ display: 'contents' }}>
                <dt className={styles.value}>{path}</dt>
                <dd className={styles.value} data-testid="evidence-value">
                  {show(value)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Card>
  );
}
