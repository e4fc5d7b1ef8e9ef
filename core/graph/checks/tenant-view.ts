/**
 * Read access to a Graph snapshot for the checks: rows by collection, users and
 * registration details by id, privileged role holders, the named break-glass accounts.
 * Graph objects are untrusted JSON, so every property is read defensively (a missing or
 * mistyped value is "unknown", never a pass).
 */
import { graphCollection, type GraphCollectionId } from '../collections';
import { PRIVILEGED_ROLES } from '../roles';
import { gapOf, rowsOf, type GraphGap, type GraphRow, type GraphSnapshot } from '../snapshot';

export type GraphObject = Readonly<Record<string, unknown>>;

/** A check cannot be assessed: the collection it needs is a gap, or the consultant must say something first. */
export class NotAssessedError extends Error {
  constructor(
    message: string,
    readonly gap?: GraphGap,
  ) {
    super(message);
    this.name = 'NotAssessedError';
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');
export const obj = (v: unknown): GraphObject => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as GraphObject) : {});

/** One principal holding at least one privileged directory role. */
export interface PrivilegedHolder {
  id: string;
  kind: 'user' | 'group' | 'servicePrincipal' | 'unknown';
  name: string;
  /** Role template id -> how it is held. */
  roles: Map<string, 'active' | 'eligible'>;
}

/** Settings the consultant gives (or Demarc's defaults). */
export interface GraphCheckSettings {
  /** Emergency-access accounts, by object id or user principal name. */
  breakGlassAccounts?: readonly string[];
  /** GR-02: allowed Global Administrator count (default 2 to 4). */
  globalAdministratorRange?: readonly [number, number];
  /** GR-16: lowest acceptable Secure Score in percent of the maximum (default 50). */
  secureScoreMinimumPercent?: number;
}

function principalKind(row: GraphObject, users: ReadonlyMap<string, GraphObject>, id: string): PrivilegedHolder['kind'] {
  const type = str(obj(row.principal)['@odata.type']) ?? '';
  if (type.endsWith('.user') || users.has(id)) return 'user';
  if (type.endsWith('.group')) return 'group';
  if (type.endsWith('.servicePrincipal')) return 'servicePrincipal';
  return 'unknown';
}

export class TenantView {
  readonly tenantId: string;
  readonly tenantName: string;
  private cache = new Map<string, unknown>();

  constructor(
    readonly snapshot: GraphSnapshot,
    readonly settings: GraphCheckSettings = {},
  ) {
    this.tenantId = snapshot.demarcGraphSnapshot.tenantId;
    this.tenantName = snapshot.demarcGraphSnapshot.tenantName ?? snapshot.demarcGraphSnapshot.tenantId;
  }

  /** Whether the collection was read completely. */
  has(collection: GraphCollectionId): boolean {
    return this.snapshot.demarcGraphSnapshot.collections.some((c) => c.collection === collection && c.status === 'complete');
  }

  /** The collection's objects; throws {@link NotAssessedError} with the gap when it was not read. */
  require(collection: GraphCollectionId): readonly GraphObject[] {
    if (!this.has(collection)) {
      const gap = gapOf(this.snapshot, collection);
      const reason = gap ? `${collection} could not be read: HTTP ${gap.httpStatus ?? '-'} ${gap.code}: ${gap.message}` : `${collection} is not in the snapshot`;
      throw new NotAssessedError(reason, gap);
    }
    return this.memo(`rows:${collection}`, () => rowsOf(this.snapshot, collection).map((r: GraphRow) => r.object));
  }

  /** The object of a singleton collection (throws like {@link require}). */
  single(collection: GraphCollectionId): GraphObject {
    const rows = this.require(collection);
    if (rows.length === 0) throw new NotAssessedError(`${graphCollection(collection).id} returned nothing`);
    return rows[0]!;
  }

  /** Objects by id, or an empty map when the collection was not read. */
  byId(collection: GraphCollectionId): ReadonlyMap<string, GraphObject> {
    return this.memo(`byId:${collection}`, () => {
      const map = new Map<string, GraphObject>();
      if (!this.has(collection)) return map;
      for (const row of rowsOf(this.snapshot, collection)) map.set(row.id, row.object);
      return map;
    });
  }

  /** Ids of the named break-glass accounts that exist (names resolved through users). */
  breakGlassIds(): ReadonlySet<string> {
    return this.memo('breakGlass', () => {
      const wanted = new Set((this.settings.breakGlassAccounts ?? []).map((a) => a.toLowerCase()));
      const ids = new Set<string>();
      for (const [id, user] of this.byId('users')) {
        if (wanted.has(id.toLowerCase()) || wanted.has((str(user.userPrincipalName) ?? '').toLowerCase())) ids.add(id);
      }
      for (const name of wanted) if (/^[0-9a-f-]{36}$/.test(name)) ids.add(name);
      return ids;
    });
  }

  /**
   * Holders of privileged roles: active assignments (required) plus PIM eligibility when it
   * was read. Only tenant-wide assignments (`directoryScopeId` "/") count.
   */
  privilegedHolders(): ReadonlyMap<string, PrivilegedHolder> {
    const assignments = this.require('roleAssignments');
    return this.memo('holders', () => {
      const users = this.byId('users');
      const holders = new Map<string, PrivilegedHolder>();
      const add = (row: GraphObject, how: 'active' | 'eligible'): void => {
        const id = str(row.principalId);
        const role = str(row.roleDefinitionId);
        if (!id || !role || !PRIVILEGED_ROLES.has(role) || (str(row.directoryScopeId) ?? '/') !== '/') return;
        let holder = holders.get(id);
        if (!holder) {
          const principal = obj(row.principal);
          const user = users.get(id);
          const name = str(principal.userPrincipalName) ?? str(user?.userPrincipalName) ?? str(principal.displayName) ?? id;
          holders.set(id, (holder = { id, kind: principalKind(row, users, id), name, roles: new Map() }));
        }
        if (holder.roles.get(role) !== 'active') holder.roles.set(role, how);
      };
      for (const row of assignments) add(row, 'active');
      for (const row of this.has('roleEligibilitySchedules') ? this.require('roleEligibilitySchedules') : []) add(row, 'eligible');
      return holders;
    });
  }

  private memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }
}
