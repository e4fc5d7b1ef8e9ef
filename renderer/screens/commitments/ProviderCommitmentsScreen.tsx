import { Badge, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { CommitmentSource, ProviderCommitments } from '../../../core/commitments/schema';
import type { ResourceCommitment } from '../../../core/commitments/resource-commitments';
import type { WorkloadEvaluation } from '../../../core/commitments/workload';
import { useLiveQuery } from 'dexie-react-hooks';
import { AVAILABILITY_GAP_TEMPLATE } from '../../../core/risks/availability-gaps';
import { ScreenHeader } from '../../components/ScreenHeader';
import { database, type AssessmentRecord } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { useProviderCommitments } from '../../hooks/use-provider-commitments';
import { BusinessServicesEditor } from './BusinessServicesEditor';
import { ProviderWorksheets } from './ProviderWorksheets';
import { compositeText } from '../../../core/report/model-builders/provider-commitments';
import { counted } from '../../../core/text/counted';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1400px' },
  basis: { color: tokens.colorNeutralForeground2 },
  fixes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // the reason is the longest text of a row: it takes what the names, figure and reference leave
  nameColumn: { width: '18%' },
  figureColumn: { width: '130px' },
  // the composite table: the fixes take what the figures leave, so a row stays a few lines tall
  serviceColumn: { width: '16%' },
  numberColumn: { width: '11%' },
  toleranceColumn: { width: '17%' },
  verdictColumn: { width: '12%' },
  sourceColumn: { width: '72px' },
  // the reference numbers are written out ("[1]"), as the table cites them
  sources: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  terms: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const percent = (n: number | null): string => (n === null ? 'unknown' : `${n} %`);
const minutes = (n: number | null): string => (n === null ? '—' : `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`);
const READ_AS: Record<CommitmentSource['readAs'], string> = { primary: 'read on the provider’s page', 'primary-old': 'older edition', transcribed: 'verbatim transcription' };

function sourceText(s: Pick<CommitmentSource, 'id' | 'title' | 'date' | 'readAs'>): string {
  return `${s.title} (${s.date}, ${READ_AS[s.readAs]})`;
}

function CommitmentFigure({ c }: { c: ResourceCommitment }) {
  if (c.status === 'committed') return <>{percent(c.sla)}</>;
  return (
    <Badge appearance="outline" color={c.status === 'no-sla' ? 'danger' : 'warning'}>
      {c.status === 'no-sla' ? 'No SLA' : 'Unknown'}
    </Badge>
  );
}

function Verdict({ e, gapRisk }: { e: WorkloadEvaluation; gapRisk: string | undefined }) {
  if (e.verdict === 'no-tolerance') return <Text>No tolerance: set one on the service, or answer SCOPE-CRITICALITY</Text>;
  return (
    <>
      <Badge appearance="filled" color={e.verdict === 'gap' ? 'danger' : 'success'}>
        {e.verdict === 'gap' ? 'Gap' : 'Within tolerance'}
      </Badge>
      {e.verdict === 'gap' && gapRisk && (
        <>
          <br />
          <Text size={200}>Evidence of {gapRisk} (customer-owned)</Text>
        </>
      )}
    </>
  );
}

function WorkloadTable({ workloads, gapRisk, suggested }: { workloads: WorkloadEvaluation[]; gapRisk: string | undefined; suggested: boolean }) {
  const styles = useStyles();
  return (
    <Table aria-label="Business services: composite SLA against the client's tolerance" data-testid="commitment-workloads">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.serviceColumn}>{suggested ? 'Suggested service' : 'Business service'}</TableHeaderCell>
          <TableHeaderCell className={styles.numberColumn}>Composite SLA</TableHeaderCell>
          <TableHeaderCell className={styles.numberColumn}>Downtime a month at the limit</TableHeaderCell>
          <TableHeaderCell className={styles.toleranceColumn}>Tolerance</TableHeaderCell>
          <TableHeaderCell className={styles.verdictColumn}>Verdict</TableHeaderCell>
          <TableHeaderCell>What would close it</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {workloads.map((e) => (
          <TableRow key={e.workload.id} data-testid={`workload-${e.workload.name}`}>
            <TableCell>
              <Text weight="semibold">{e.workload.name}</Text>
              <br />
              <Text size={200} className={styles.basis}>
                {e.workload.basis}; {counted(e.commitments.length, 'resource')}
              </Text>
            </TableCell>
            <TableCell>
              {compositeText(e.composite.sla)}
              {e.composite.missing.length > 0 && (
                <>
                  <br />
                  <Text size={200} className={styles.basis}>
                    {counted(e.composite.missing.length, 'resource')} without a figure
                  </Text>
                </>
              )}
            </TableCell>
            <TableCell>{minutes(e.composite.downtimeMinutesPerMonth)}</TableCell>
            <TableCell>
              {e.tolerance ? (
                <>
                  {minutes(e.tolerance.maxDowntimeMinutesPerMonth)}
                  <br />
                  <Text size={200} className={styles.basis}>
                    {e.tolerance.basis}
                  </Text>
                </>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell>
              <Verdict e={e} gapRisk={gapRisk} />
            </TableCell>
            <TableCell>
              {e.fixes.length === 0 ? (
                '—'
              ) : (
                <ul className={styles.fixes}>
                  {e.fixes.map((f) => (
                    <li key={f.resourceId}>
                      {f.resourceName}: {f.fix} ({f.priceClass.replace(/-/g, ' ')})
                    </li>
                  ))}
                  <li>With these: {compositeText(e.compositeAfterFixes)}</li>
                </ul>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

type CitedSource = ResourceCommitment['source'];

/** The distinct sources of these resources' figures, numbered in the order the table first cites them. */
function numberedSources(commitments: readonly ResourceCommitment[]): { sources: CitedSource[]; numberOf: (id: string) => number } {
  const numbers = new Map<string, number>();
  const sources: CitedSource[] = [];
  for (const c of commitments) {
    if (numbers.has(c.source.id)) continue;
    sources.push(c.source);
    numbers.set(c.source.id, sources.length);
  }
  return { sources, numberOf: (id) => numbers.get(id) ?? 0 };
}

/**
 * One row a resource; its source is a reference number (the citation in its tooltip), the
 * sources listed once under the table: most estates cite one or two pages for every row.
 */
function ResourceTable({ commitments }: { commitments: ResourceCommitment[] }) {
  const styles = useStyles();
  const { sources, numberOf } = numberedSources(commitments);
  return (
    <>
      <Table aria-label="What Microsoft commits to for each resource" data-testid="commitment-resources">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameColumn}>Resource</TableHeaderCell>
            <TableHeaderCell className={styles.nameColumn}>Service</TableHeaderCell>
            <TableHeaderCell className={styles.figureColumn}>Monthly uptime</TableHeaderCell>
            <TableHeaderCell>Why (from the inventory)</TableHeaderCell>
            <TableHeaderCell className={styles.sourceColumn}>Source</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {commitments.map((c) => (
            <TableRow key={c.resourceId}>
              <TableCell>{c.resourceName}</TableCell>
              <TableCell>{c.serviceTitle}</TableCell>
              <TableCell>
                <CommitmentFigure c={c} />
              </TableCell>
              <TableCell className={styles.basis}>{c.basis}</TableCell>
              <TableCell className={styles.sourceColumn}>
                <span title={sourceText(c.source)} data-testid="commitment-source-ref">
                  [{numberOf(c.source.id)}]
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text weight="semibold" id="commitment-sources-title">
        Sources of the figures above
      </Text>
      <ul className={styles.sources} aria-labelledby="commitment-sources-title" data-testid="commitment-sources">
        {sources.map((s) => (
          <li key={s.id}>
            <Text>
              [{numberOf(s.id)}] {sourceText(s)}
            </Text>{' '}
            <Text size={200} className={styles.basis}>
              {s.url}
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}

function SupportPlans({ data }: { data: ProviderCommitments['supportPlans'] }) {
  const source = (id: string) => data.sources.find((s) => s.id === id);
  return (
    <Table aria-label="Microsoft support plans: initial response per severity" data-testid="commitment-support-plans">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Plan</TableHeaderCell>
          <TableHeaderCell>Severity A</TableHeaderCell>
          <TableHeaderCell>Severity B</TableHeaderCell>
          <TableHeaderCell>Severity C</TableHeaderCell>
          <TableHeaderCell>24×7 for A</TableHeaderCell>
          <TableHeaderCell>Source</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {data.plans.map((p) => (
          <TableRow key={p.id}>
            <TableCell>
              {p.title}
              {p.note && (
                <>
                  <br />
                  <Text size={200}>{p.note}</Text>
                </>
              )}
            </TableCell>
            <TableCell>{p.response.A}</TableCell>
            <TableCell>{p.response.B}</TableCell>
            <TableCell>{p.response.C}</TableCell>
            <TableCell>{p.roundTheClockSevA ? 'Yes' : 'No'}</TableCell>
            <TableCell>{source(p.source) ? sourceText(source(p.source)!) : p.source}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const MODEL_TEXT = { iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' } as const;
const OWNER_TEXT = { provider: 'Provider', customer: 'Customer', shared: 'Shared', unknown: 'Unknown' } as const;

/** Each other provider in scope, on Microsoft's rows, next to Microsoft's own split for the like model. */
function OtherProviders({ data, inScope }: { data: ProviderCommitments['otherProviders']; inScope: string[] }) {
  const pack = useContentPack();
  const styles = useStyles();
  const matrix = pack.matrices.get(pack.header.defaultMatrix);
  const providers = data.providers.filter((p) => inScope.includes(p.scopeChoice));
  if (providers.length === 0) return <Text>No other cloud provider is in scope (SCOPE-OTHER-CLOUDS).</Text>;
  const rowOf = (area: string) => matrix?.rows.find((r) => r.id === matrix.areaMap[area]);
  return (
    <>
      {providers.map((p) => {
        const source = data.sources.find((s) => s.id === p.source);
        return (
          <div key={p.id} data-testid={`other-provider-${p.id}`}>
            <Text weight="semibold">{p.name}</Text>: <Text>{p.summary}</Text>{' '}
            <Text size={200} className={styles.basis}>
              ({source ? sourceText(source) : p.source})
            </Text>
            <Table aria-label={`${p.name}: shared responsibility on Microsoft's rows`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Responsibility</TableHeaderCell>
                  {p.columns.map((c) => (
                    <TableHeaderCell key={c.id}>
                      {c.label} (Microsoft {MODEL_TEXT[c.likeModel]})
                    </TableHeaderCell>
                  ))}
                  <TableHeaderCell>Basis</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.rows.map((row) => (
                  <TableRow key={row.area}>
                    <TableCell>{rowOf(row.area)?.label ?? row.area}</TableCell>
                    {p.columns.map((c) => (
                      <TableCell key={c.id}>
                        {OWNER_TEXT[row.owners[c.id] ?? 'unknown']} (Microsoft: {rowOf(row.area)?.owners[c.likeModel] ?? 'unknown'})
                      </TableCell>
                    ))}
                    <TableCell>
                      {row.basis === 'provider' ? "Provider's words" : 'Our mapping'}
                      {row.note ? `: ${row.note}` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        );
      })}
    </>
  );
}

/** What Microsoft commits to for this estate, per resource and per business service, against the client's tolerance. */
export function ProviderCommitmentsScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const { view, error, services } = useProviderCommitments(assessment.id, pack);
  // the register's availability-gap risk, once a refresh has raised it
  const gapRisk = useLiveQuery(
    () =>
      database()
        .riskRows.where('assessmentId')
        .equals(assessment.id)
        .filter((r) => r.templateId === AVAILABILITY_GAP_TEMPLATE)
        .first(),
    [assessment.id],
  )?.id;
  // named by its title: the template id (RT-…) means nothing to the client
  const gapRiskTitle = pack.riskTemplates.get(AVAILABILITY_GAP_TEMPLATE)?.title ?? AVAILABILITY_GAP_TEMPLATE;
  const data = pack.commitments;
  if (!data) return <Text>The content pack has no provider commitments.</Text>;
  if (error) return <Text role="alert">Could not compute the commitments: {error}</Text>;
  if (!view || !services) return <Spinner label="Reading the inventory…" />;
  const sla = data.sla;
  return (
    <section className={styles.section} aria-labelledby="commitments-title" data-testid="commitments-screen">
      <ScreenHeader
        id="commitments-title"
        title="Provider commitments"
        description={`${sla.title}, following Microsoft's Online Services SLA of ${sla.version}`}
      />
      {view.snapshotName === null ? (
        <Text>No inventory yet: import one or connect to Azure to see what Microsoft commits to for this estate.</Text>
      ) : (
        <>
          <Text data-testid="commitment-summary">
            {view.commitments.length} resources of {view.snapshotName} have an SLA of their own:{' '}
            {view.commitments.filter((c) => c.status === 'committed').length} with a figure,{' '}
            {view.commitments.filter((c) => c.status === 'no-sla').length} with no SLA,{' '}
            {view.commitments.filter((c) => c.status === 'unknown').length} whose figure could not be sourced.
          </Text>
          <BusinessServicesEditor assessmentId={assessment.id} services={services} view={view} />
          <Title3 as="h3">Composite SLA against tolerance</Title3>
          <Text data-testid="commitment-workload-source">
            {view.workloadSource === 'business-services'
              ? 'The business services above, each against its own tolerance.'
              : 'Services suggested from workload tags, else resource groups, until business services are defined above.'}{' '}
            A composite multiplies the figures of everything the service needs: a contractual ceiling that assumes independent failures. A gap is
            evidence of the customer-owned risk “{gapRiskTitle}” in the register.
          </Text>
          <Text data-testid="commitment-tolerance">
            {view.criticality
              ? `Business criticality (scoping answer SCOPE-CRITICALITY): ${view.criticality}, the tolerance of a service with no figure of its own.`
              : 'SCOPE-CRITICALITY is not answered: a service with no tolerance of its own cannot be judged.'}
          </Text>
          <WorkloadTable workloads={view.workloads} gapRisk={gapRisk} suggested={view.workloadSource !== 'business-services'} />
          <Title3 as="h3" id="commitments-resources-title">
            Each resource
          </Title3>
          {/* focusable so the table can be scrolled from the keyboard; the screen has no other control */}
          <div role="region" aria-labelledby="commitments-resources-title" tabIndex={0}>
            <ResourceTable commitments={view.commitments} />
          </div>
        </>
      )}
      <Title3 as="h3">What a service credit is worth</Title3>
      <ul className={styles.terms}>
        {sla.generalTerms.map((t) => (
          <li key={t.id}>
            <Text>{t.text}</Text> <Text size={200}>({t.source})</Text>
          </li>
        ))}
      </ul>
      <Title3 as="h3">Support plans</Title3>
      <SupportPlans data={data.supportPlans} />
      <Title3 as="h3">Other providers</Title3>
      <OtherProviders data={data.otherProviders} inScope={view.otherClouds} />
      <ProviderWorksheets assessmentId={assessment.id} />
    </section>
  );
}
