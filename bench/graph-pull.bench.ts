/**
 * Graph pull throughput: 50,000 users' authentication-method registration details in pages
 * of 999 from the loopback Graph fake, (a) through Demarc's collector (ClientSecretCredential
 * + @microsoft/microsoft-graph-client with its auth provider and PageIterator, Demarc's retry
 * and node:https hops, per-object validation, de-duplication, deep freeze) and (b) as a
 * baseline with bare `node:https` + `JSON.parse` following `@odata.nextLink` over the same
 * bytes (the fake serves pre-serialised pages to both).
 *
 * Run: npx tsx bench/graph-pull.bench.ts [users=50000] [rounds=5]
 */
import https from 'node:https';
import { resolveGraphCloud } from '../core/graph/clouds';
import { createSignIn } from '../node/azure/credentials';
import { pullGraph } from '../node/graph/pull';
import { graphSignInCloud } from '../node/graph/sign-in';
import { FakeEntra } from '../test/integration/azure/fakes/fake-entra';
import { loopbackCertificate } from '../test/integration/azure/fakes/tls';
import { FakeGraph } from '../test/integration/graph/fakes/fake-graph';
import { memberId, registrationObject, TENANT, wellConfiguredTenant } from '../test/fixtures/graph/tenant';

const USERS = Number(process.argv[2] ?? 50_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const PAGE = 999;
const CLIENT_ID = '66666666-7777-8888-9999-000000000000';
const SECRET = 'bench-secret-0123456789abcdef';

function get(url: string, token: string, agent: https.Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function baseline(firstUrl: string, token: string, ca: string, keep: unknown[] | null): Promise<{ rows: number; bytes: number }> {
  const agent = new https.Agent({ keepAlive: true, ca });
  let url: string | undefined = firstUrl;
  let rows = 0;
  let bytes = 0;
  while (url) {
    const text = await get(url, token, agent);
    bytes += Buffer.byteLength(text);
    const page = JSON.parse(text) as { value: unknown[]; '@odata.nextLink'?: string };
    rows += page.value.length;
    if (keep) for (const v of page.value) keep.push(v);
    url = page['@odata.nextLink'];
  }
  agent.destroy();
  return { rows, bytes };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { cert } = await loopbackCertificate();
  const entra = await new FakeEntra({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET }).start();
  const data = wellConfiguredTenant();
  data.userRegistrationDetails = Array.from({ length: USERS }, (_, i) => registrationObject({ id: memberId(i), upn: `user${i}@contoso.example`, name: `User ${i}` }));
  const graph = await new FakeGraph({ entra, data, pageSize: PAGE, pageCache: true }).start();
  const cloud = resolveGraphCloud({ graphEndpoint: graph.endpoint, authorityHost: entra.authorityHost });
  const signIn = createSignIn({ method: 'service-principal', cloud: graphSignInCloud(cloud), tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, tlsOptions: { ca: cert } });
  const token = (await signIn.credential.getToken(cloud.tokenScope))!.token;
  const url = `${graph.endpoint}/v1.0/reports/authenticationMethods/userRegistrationDetails`;

  const demarc: number[] = [];
  const bare: number[] = [];
  /** The baseline keeping every object, as a snapshot must (garbage collection then scans them). */
  const bareKept: number[] = [];
  let bytes = 0;
  const runPull = async (): Promise<number> => {
    const t = performance.now();
    const result = await pullGraph({ signIn, cloud, tlsOptions: { ca: cert }, collections: ['organization', 'userRegistrationDetails'] });
    const ms = performance.now() - t;
    if (result.status !== 'complete' || result.snapshot.data.length !== USERS + 1) throw new Error(`pull did not complete: ${JSON.stringify(result).slice(0, 300)}`);
    return ms;
  };
  const runBaseline = async (keep: unknown[] | null): Promise<number> => {
    const t = performance.now();
    const b = await baseline(url, token, cert, keep);
    const ms = performance.now() - t;
    if (b.rows !== USERS) throw new Error(`baseline read ${b.rows} rows`);
    bytes = b.bytes;
    return ms;
  };
  for (let round = 0; round <= ROUNDS; round += 1) {
    // Alternate the order so neither path always runs on a warmer (or more fragmented) heap.
    let pulled: number;
    let based: number;
    let kept: number;
    if (round % 2 === 0) {
      pulled = await runPull();
      based = await runBaseline(null);
      kept = await runBaseline([]);
    } else {
      kept = await runBaseline([]);
      based = await runBaseline(null);
      pulled = await runPull();
    }
    if (round === 0) continue; // warm-up
    demarc.push(pulled);
    bare.push(based);
    bareKept.push(kept);
  }
  await graph.stop();
  await entra.stop();
  const pages = Math.ceil(USERS / PAGE);
  const line = (name: string, ms: number, extra: string) => `| ${name} | ${Math.round(ms)} | ${Math.round(USERS / (ms / 1000)).toLocaleString('en-GB')} | ${(ms / pages).toFixed(1)} | ${extra} |`;
  console.log(`${USERS} registration details, ${pages} pages of ${PAGE}, ${(bytes / 1024 / 1024).toFixed(1)} MiB, median of ${ROUNDS} after a warm-up, Node ${process.versions.node}`);
  console.log('| path | median ms | objects/s | ms/page | overhead vs baseline |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(line('baseline node:https + JSON.parse', median(bare), '—'));
  console.log(line('baseline, keeping the 50,000 objects', median(bareKept), `+${Math.round((median(bareKept) / median(bare) - 1) * 100)} %`));
  console.log(line('Demarc Graph pull (client + validation + freeze)', median(demarc), `+${Math.round((median(demarc) / median(bare) - 1) * 100)} %`));
}

await main();
