import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { GRAPH_COLLECTIONS } from '../../../../core/graph/collections';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace },
  wide: { width: '24%' },
  permission: { width: '22%' },
  role: { width: '18%' },
  licence: { width: '12%' },
  // long paths wrap inside their cell instead of running into the next
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
});

/**
 * The Microsoft Graph permissions a pull needs, shown before sign-in (core/graph/collections.ts,
 * from each call's Microsoft Learn page): the same permission names serve a consultant signed
 * in (delegated, with a directory role such as Global Reader) and a service principal
 * (application permissions, CLI only: the app never handles a client secret).
 */
export function GraphPermissions() {
  const styles = useStyles();
  const permissions = [...new Set(GRAPH_COLLECTIONS.map((c) => c.permission))];
  return (
    <div className={styles.block} data-testid="graph-permissions">
      <Text weight="semibold">Microsoft Graph permissions needed (read only: Demarc sends GET requests only)</Text>
      <Text>
        Signed in as a consultant (delegated): the application you sign in with must hold these as delegated permissions, consented for the tenant, and your
        account a directory role that may read them, such as Global Reader (Microsoft’s read-only administrator role). A service principal (<span className={styles.code}>demarc graph pull --auth service-principal</span>) needs the same
        names as application permissions, granted by an administrator: {permissions.join(', ')}.
      </Text>
      <Text size={200}>
        A collection Graph refuses (a missing permission, or a licence such as Microsoft Entra ID P2 for PIM) is recorded as a gap: the pull goes on, the checks that
        need it say “not assessed” with Graph’s reason, and the interview answer stays the evidence.
      </Text>
      <Table size="extra-small" aria-label="Microsoft Graph permissions" data-testid="graph-permission-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.wide}>What Demarc reads</TableHeaderCell>
            <TableHeaderCell className={styles.permission}>Permission (delegated and application)</TableHeaderCell>
            <TableHeaderCell className={styles.role}>Delegated: directory role</TableHeaderCell>
            <TableHeaderCell className={styles.licence}>Licence</TableHeaderCell>
            <TableHeaderCell className={styles.wide}>Why</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {GRAPH_COLLECTIONS.map((c) => (
            <TableRow key={c.id} data-testid="graph-permission-row">
              <TableCell className={styles.cell} title={`Documented at ${c.source}`}>
                {c.id}
                <br />
                <span className={styles.path}>GET {c.path.split('?')[0]}</span>
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.code)}>{c.permission}</TableCell>
              <TableCell className={styles.cell}>{c.delegatedRoles ?? 'none named on the page'}</TableCell>
              <TableCell className={styles.cell}>{c.licence ?? '—'}</TableCell>
              <TableCell className={styles.cell}>{c.why}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
