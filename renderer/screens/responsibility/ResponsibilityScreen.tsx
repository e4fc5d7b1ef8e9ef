import { Link, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ownerLabel } from '../../content/vocabulary-labels';
import type { AssessmentRecord } from '../../db/database';
import { useContentPack } from '../../hooks/use-content-pack';
import { useRiskRegister } from '../../hooks/use-risk-register';
import { useUiStore } from '../../stores/ui-store';

const MODELS = ['iaas', 'paas', 'saas'] as const;
const MODEL_LABEL = { iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' } as const;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  count: { fontWeight: tokens.fontWeightSemibold },
  link: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The selected matrix with this client's open risks counted per cell, and the provider-owned risks to verify. */
export function ResponsibilityScreen({ assessment }: { assessment: AssessmentRecord }) {
  const styles = useStyles();
  const pack = useContentPack();
  const { risks } = useRiskRegister(assessment, pack);
  const selectRisk = useUiStore((s) => s.selectRisk);
  const showArea = useUiStore((s) => s.showArea);
  const matrix = pack.matrices.get(assessment.matrixId) ?? pack.matrices.get(pack.header.defaultMatrix);
  const open = useMemo(() => (risks ?? []).filter((r) => r.status === 'open'), [risks]);
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    if (!matrix) return out;
    for (const r of open) {
      const row = matrix.areaMap[r.area];
      for (const m of r.serviceModels) out.set(`${row}|${m}`, (out.get(`${row}|${m}`) ?? 0) + 1);
    }
    return out;
  }, [open, matrix]);
  if (!matrix) return <Text>The content pack has no responsibility matrix.</Text>;
  if (risks === undefined) return <Spinner label="Loading the register…" />;
  const provider = open.filter((r) => r.effectiveOwner === 'microsoft');
  return (
    <section className={styles.section} aria-labelledby="resp-title">
      <ScreenHeader id="resp-title" title="Shared responsibility" description={`${matrix.title} — ${matrix.source}`} />
      <Table aria-label="Responsibility matrix with this client's open risks" data-testid="responsibility-matrix">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Responsibility</TableHeaderCell>
            {MODELS.map((m) => (
              <TableHeaderCell key={m}>{MODEL_LABEL[m]}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {matrix.rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>{row.label}</TableCell>
              {MODELS.map((m) => {
                const n = counts.get(`${row.id}|${m}`) ?? 0;
                return (
                  <TableCell key={m} data-testid={`resp-${row.id}-${m}`}>
                    {row.owners[m] ? ownerLabel(row.owners[m]) : '—'} · <span className={styles.count}>{n}</span> risk{n === 1 ? '' : 's'}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Title3 as="h3">Provider-owned risks: verify</Title3>
      {provider.length === 0 ? (
        <Text>No open risk is owned by Microsoft.</Text>
      ) : (
        <ul className={styles.list} data-testid="provider-risks">
          {provider.map((r) => (
            <li key={r.id}>
              {/* Fluent's link, not the browser's: themed (readable in the dark theme too) and no "visited" purple */}
              <Link
                className={styles.link}
                href={`#${r.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  selectRisk(r.id);
                  showArea('risks');
                }}
              >
                {r.id} {r.title}
              </Link>
              <br />
              <Text>{r.verification ?? 'Verify the provider’s assurance reports, SLA and Service Health.'}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
