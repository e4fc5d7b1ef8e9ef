/**
 * What saving the emergency access accounts costs in the inventory worker, less IndexedDB:
 * rebuild the Graph snapshot from its stored rows, run every Graph check with the named
 * accounts, and work out each named account's status, for a tenant of `users` members (each
 * with a user object and registration details). IndexedDB reads and writes are not measured.
 *
 * Run: npx tsx bench/graph-recheck.bench.ts [users=50000] [rounds=5]
 */
import { loadPack } from '../core/content/loader';
import { graphCheckRun, graphResources, graphSnapshotOfRecord, graphSnapshotRecord, namedAccountsOf } from '../renderer/bundle/graph-snapshots';
import { engineFiles, playbookFiles } from '../test/unit/core/pack-helper';
import { BREAK_GLASS_UPNS, memberId, registrationObject, snapshotOf, userObject, wellConfiguredTenant } from '../test/fixtures/graph/tenant';

const USERS = Number(process.argv[2] ?? 50_000);
const ROUNDS = Number(process.argv[3] ?? 5);

const { pack } = loadPack([...engineFiles(), ...playbookFiles()]);
const data = wellConfiguredTenant();
const people = Array.from({ length: USERS }, (_, i) => ({ id: memberId(i), upn: `user${i}@contoso.example`, name: `User ${i}` }));
data.users = [...(data.users as Record<string, unknown>[]), ...people.map((p) => userObject(p))];
data.userRegistrationDetails = [...(data.userRegistrationDetails as Record<string, unknown>[]), ...people.map((p) => registrationObject(p))];
const snapshot = snapshotOf(data);
const settings = { breakGlassAccounts: BREAK_GLASS_UPNS };
const record = graphSnapshotRecord({ id: 'bench', assessmentId: 'bench', snapshot, run: graphCheckRun(snapshot, pack, 'jan-2026'), label: 'bench' });
const rows = graphResources(snapshot).map((r) => r.raw);

const times: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = performance.now();
  const rebuilt = graphSnapshotOfRecord(record, rows)!;
  const run = graphCheckRun(rebuilt, pack, 'jan-2026', settings);
  const accounts = namedAccountsOf(rebuilt, settings);
  times.push(performance.now() - start);
  if (run.findings.find((f) => f.checkId === 'GR-09')?.status !== 'pass' || accounts?.length !== 2) throw new Error('the re-check did not assess GR-09');
}
times.sort((a, b) => a - b);
console.log(`${rows.length.toLocaleString()} Graph rows (${USERS.toLocaleString()} members): re-check median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms over ${ROUNDS} rounds`);
