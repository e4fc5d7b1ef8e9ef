/**
 * Pull throughput: 100,000 rows over 100 pages from the loopback Resource Graph fake,
 * (a) through Demarc's full path (ClientSecretCredential + ResourceGraphClient transport +
 * pullInventory: zod validation, de-duplication, freezing), and (b) as a baseline with bare
 * `node:https` + `JSON.parse` over the same pages. Reports rows/s and the overhead of (a).
 *
 * Run: npx tsx bench/resource-graph-pull.bench.ts [rows] [rounds]
 */
import https from 'node:https';
import { resolveCloud } from '../core/azure/clouds';
import { pullInventory } from '../core/azure/pull';
import { createSignIn } from '../node/azure/credentials';
import { createResourceGraphTransport } from '../node/azure/resource-graph-transport';
import { FakeEntra } from '../test/integration/azure/fakes/fake-entra';
import { defaultRows, FakeResourceGraph, type RowGenerator } from '../test/integration/azure/fakes/fake-resource-graph';
import { loopbackCertificate } from '../test/integration/azure/fakes/tls';

const TOTAL_ROWS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const SUBSCRIPTION = '00000000-aaaa-bbbb-cccc-000000000000';

/** The fake regenerates rows per request; memoise so the fake's cost is small and equal for both paths. */
function memoised(generator: RowGenerator): RowGenerator {
  const cache = new Map<string, Record<string, unknown>[]>();
  return (table, types, subs, mgs) => {
    const key = `${table}|${types.join(',')}|${subs.join(',')}|${mgs.join(',')}`;
    let rows = cache.get(key);
    if (!rows) cache.set(key, (rows = generator(table, types, subs, mgs)));
    return rows;
  };
}

async function baseline(armEndpoint: string, token: string, ca: string): Promise<number> {
  const agent = new https.Agent({ keepAlive: true, ca });
  let skipToken: string | undefined;
  let rows = 0;
  do {
    const body = JSON.stringify({
      subscriptions: [SUBSCRIPTION],
      query: 'resources\n| order by id asc',
      options: { $top: 1000, resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) },
    });
    const text = await new Promise<string>((resolve, reject) => {
      const req = https.request(
        `${armEndpoint}/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    const page = JSON.parse(text) as { data: unknown[]; $skipToken?: string };
    rows += page.data.length;
    skipToken = page.$skipToken;
  } while (skipToken);
  agent.destroy();
  return rows;
}

async function main(): Promise<void> {
  const { cert } = await loopbackCertificate();
  const secret = 'bench-secret-value-0123456789';
  const entra = await new FakeEntra({ tenantId: 'bench-tenant', clientId: 'bench-client', clientSecret: secret }).start();
  const graph = await new FakeResourceGraph({ entra, rows: memoised(defaultRows(TOTAL_ROWS)) }).start();
  try {
    const cloud = resolveCloud({ armEndpoint: graph.armEndpoint, authorityHost: entra.authorityHost }, { anyPort: true });
    const signIn = createSignIn({ method: 'service-principal', cloud, tenantId: 'bench-tenant', clientId: 'bench-client', clientSecret: secret, tlsOptions: { ca: cert } });
    const transport = createResourceGraphTransport({ signIn, cloud, tlsOptions: { ca: cert } });
    const token = (await signIn.credential.getToken(cloud.tokenScope))!.token;
    // warm-up: generate the rows, open connections, JIT
    await baseline(graph.armEndpoint, token, cert);
    const sampleBytes = JSON.stringify(defaultRows(1)('resources', [], [SUBSCRIPTION], [])[0]).length;

    const results: { label: string; ms: number[] }[] = [
      { label: 'baseline node:https + JSON.parse', ms: [] },
      { label: 'Demarc pull (SDK + zod + freeze)', ms: [] },
    ];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      let t = performance.now();
      const baseRows = await baseline(graph.armEndpoint, token, cert);
      results[0]!.ms.push(performance.now() - t);
      if (baseRows !== TOTAL_ROWS) throw new Error(`baseline read ${baseRows} rows`);

      t = performance.now();
      const snapshot = await pullInventory({ transport, cloud, scope: { subscriptions: [SUBSCRIPTION] }, queries: ['resources'] });
      results[1]!.ms.push(performance.now() - t);
      if (snapshot.status !== 'complete' || snapshot.rows.length !== TOTAL_ROWS) {
        throw new Error(`pull ended ${snapshot.status} with ${snapshot.rows.length} rows: ${JSON.stringify(snapshot.errors)}`);
      }
      pages = snapshot.totals.pages;
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const base = median(results[0]!.ms);
    console.log(`Resource Graph pull: ${TOTAL_ROWS} rows (~${sampleBytes} B each) in ${pages} pages, median of ${ROUNDS} rounds, Node ${process.version}`);
    console.log('| path | median ms | rows/s | ms/page | overhead vs baseline |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const r of results) {
      const ms = median(r.ms);
      console.log(
        `| ${r.label} | ${ms.toFixed(0)} | ${Math.round(TOTAL_ROWS / (ms / 1000)).toLocaleString('en-US')} | ${(ms / pages).toFixed(1)} | ${r === results[0] ? '—' : `+${(((ms - base) / base) * 100).toFixed(0)} %`} |`,
      );
    }
  } finally {
    await graph.stop();
    await entra.stop();
  }
}

await main();
