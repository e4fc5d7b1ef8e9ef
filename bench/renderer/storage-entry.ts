/**
 * Browser entry of the inventory storage bench (bundled by bench/renderer-storage.bench.ts):
 * stores N synthetic resources through the app's own path (indexed rows + raw chunks in
 * Dexie) and, for comparison, the same rows with a raw IndexedDB put and the one-record-per-
 * resource Dexie layout the architecture measured.
 */
import Dexie from 'dexie';
import type { Resource } from '../../core/inventory/normalise';
import { createDatabase, type SnapshotRecord } from '../../renderer/db/database';
import { storeSnapshot } from '../../renderer/db/inventory-repository';

function resources(n: number): Resource[] {
  const out: Resource[] = [];
  for (let i = 0; i < n; i++) {
    const sub = `0000000${i % 7}-aaaa-4bbb-8ccc-dddddddddddd`;
    const id = `/subscriptions/${sub}/resourceGroups/rg-${i % 50}/providers/Microsoft.Storage/storageAccounts/st${i}`;
    const raw = {
      id,
      name: `st${i}`,
      type: 'microsoft.storage/storageaccounts',
      location: 'westeurope',
      resourceGroup: `rg-${i % 50}`,
      subscriptionId: sub,
      tags: { env: i % 2 ? 'prod' : 'dev', owner: 'team-x' },
      sku: { name: 'Standard_LRS' },
      properties: { supportsHttpsTrafficOnly: i % 3 !== 0, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, networkAcls: { defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] }, padding: 'x'.repeat(600) },
    };
    out.push({ id, name: raw.name, type: raw.type, subscriptionId: sub, resourceGroup: raw.resourceGroup, location: raw.location, serviceModel: 'paas', properties: raw.properties, raw });
  }
  return out;
}

async function timeDemarc(n: number): Promise<number> {
  const db = createDatabase(`bench-demarc-${n}-${Date.now()}`);
  await db.open();
  const list = resources(n);
  const snapshot: SnapshotRecord = {
    id: 'bench', assessmentId: 'bench', source: 'file', takenAt: new Date().toISOString(), status: 'complete', label: 'bench', format: null,
    subscriptions: [], managementGroups: [], resourceCount: n, failingCount: 0, findingCount: 0, errors: [], queries: [],
  };
  const t0 = performance.now();
  await storeSnapshot(db, snapshot, list, []);
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);
  return ms;
}

async function timeRawIdb(n: number): Promise<number> {
  const name = `bench-raw-${n}-${Date.now()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const rows = resources(n).map((r) => r.raw);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('rows', 'readwrite', { durability: 'default' });
    const store = tx.objectStore('rows');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

async function timeNaiveDexie(n: number): Promise<number> {
  const db = new Dexie(`bench-naive-${n}-${Date.now()}`);
  db.version(1).stores({ rows: 'id, type, subscriptionId, resourceGroup, location, name' });
  await db.open();
  const rows = resources(n).map((r) => ({ ...r.raw, type: r.type, subscriptionId: r.subscriptionId }));
  const t0 = performance.now();
  await db.table('rows').bulkPut(rows);
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);
  return ms;
}

declare global {
  interface Window {
    runStorageBench: (n: number, naive: boolean) => Promise<{ demarcMs: number; rawMs: number; naiveMs: number | null }>;
  }
}

window.runStorageBench = async (n, naive) => ({ demarcMs: await timeDemarc(n), rawMs: await timeRawIdb(n), naiveMs: naive ? await timeNaiveDexie(n) : null });
