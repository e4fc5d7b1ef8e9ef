/**
 * Validates an assessment bundle file completely before anything is written: size, JSON
 * syntax, hostile keys (`__proto__`, `constructor`, `prototype`: dropped from inventory rows
 * as on every path rows take, core/inventory/reserved-keys.ts, refused anywhere else, where
 * Demarc never writes them), oversized strings, the
 * bundle schema (core/bundle) and the content pack (answers must fit its questions). Every
 * problem is returned with its JSON path; nothing here touches the database.
 */
import { migrateRetiredTemplates } from '../../core/bundle/migrate-templates';
import { parseBundle, type AssessmentBundle } from '../../core/bundle/schema';
import type { ContentPack } from '../../core/content/types';
import { validateAnswers } from '../../core/interview/flow';
import { isReservedKey, withoutReservedKeys } from '../../core/inventory/reserved-keys';
import { MAX_BUNDLE_BYTES, textExceeds, tooLargeMessage, utf8ByteLength } from '../files/file-limits';

export { MAX_BUNDLE_BYTES };

export interface BundleProblem {
  path: string;
  message: string;
}

/** `droppedKeys`: reserved keys dropped from inventory rows (reserved-keys.ts). */
export type BundleValidation = { ok: true; bundle: AssessmentBundle; droppedKeys: number } | { ok: false; errors: BundleProblem[] };

export const MAX_STRING_LENGTH = 1_000_000;
const MAX_DEPTH = 64;
const MAX_PROBLEMS = 200;

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$-]*$/.test(seg) ? `${out ? '.' : ''}${seg}` : `[${JSON.stringify(seg)}]`;
  return out || '(root)';
}

/** Walks the parsed JSON without recursion, reporting hostile keys, deep nesting and huge strings. */
function scanStructure(root: unknown, problems: BundleProblem[]): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) problems.push({ path: formatPath(path), message: `text longer than ${MAX_STRING_LENGTH.toLocaleString('en')} characters` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      problems.push({ path: formatPath(path), message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (isReservedKey(key)) problems.push({ path: formatPath([...path, key]), message: `the key "${key}" is not allowed` });
      if (key.length > 10_000) problems.push({ path: formatPath(path), message: 'a key is longer than 10,000 characters' });
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The bundle with reserved keys dropped from its inventory rows (a copy where any were). */
function withoutReservedRowKeys(record: Record<string, unknown>): { data: Record<string, unknown>; dropped: number } {
  const inventory = record.inventory;
  if (!isRecord(inventory) || !Array.isArray(inventory.resources)) return { data: record, dropped: 0 };
  let dropped = 0;
  const resources = inventory.resources.map((resource: unknown) => {
    if (!isRecord(resource) || !isRecord(resource.row)) return resource;
    const clean = withoutReservedKeys(resource.row);
    dropped += clean.dropped;
    // Spreading defines keys (never assigns), so nothing here can reach a prototype.
    return clean.dropped === 0 ? resource : { ...resource, row: clean.value };
  });
  return dropped === 0 ? { data: record, dropped } : { data: { ...record, inventory: { ...inventory, resources } }, dropped };
}

function packProblems(bundle: AssessmentBundle, pack: ContentPack): BundleProblem[] {
  const problems: BundleProblem[] = [];
  if (bundle.contentPack.id !== pack.header.id)
    problems.push({ path: 'contentPack.id', message: `this bundle uses the content pack '${bundle.contentPack.id}'; this version of Demarc has '${pack.header.id}'` });
  if (!pack.matrices.has(bundle.assessment.matrixId))
    problems.push({ path: 'assessment.matrixId', message: `unknown responsibility matrix '${bundle.assessment.matrixId}'` });
  for (const p of validateAnswers(pack, bundle.answers)) problems.push({ path: formatPath(['answers', p.questionId]), message: p.message });
  const snapshotIds = new Set<string>();
  bundle.inventory.snapshots.forEach((s, i) => {
    if (snapshotIds.has(s.id)) problems.push({ path: `inventory.snapshots[${i}].id`, message: `duplicate snapshot id '${s.id}'` });
    snapshotIds.add(s.id);
  });
  const resourceKeys = new Set<string>();
  bundle.inventory.resources.forEach((r, i) => {
    const key = `${r.snapshotId}\n${r.id.toLowerCase()}`;
    if (resourceKeys.has(key)) problems.push({ path: `inventory.resources[${i}].id`, message: `resource '${r.id}' appears twice in snapshot '${r.snapshotId}'` });
    resourceKeys.add(key);
    if (typeof r.row.id !== 'string' || r.row.id.toLowerCase() !== r.id.toLowerCase())
      problems.push({ path: `inventory.resources[${i}].row.id`, message: 'the row must carry the resource id' });
  });
  const contactIds = new Set<string>();
  bundle.contacts.forEach((c, i) => {
    if (contactIds.has(c.id)) problems.push({ path: `contacts[${i}].id`, message: `duplicate contact id '${c.id}'` });
    contactIds.add(c.id);
  });
  return problems;
}

/**
 * Validates the text of a `.demarc.json` file. A file is size-checked before it is read
 * (bundle-store's `importBundleFile`); text from elsewhere is measured here, in UTF-8 bytes.
 */
export function validateBundleText(text: string, pack: ContentPack, maxBytes = MAX_BUNDLE_BYTES): BundleValidation {
  if (textExceeds(text, maxBytes)) return { ok: false, errors: [{ path: '(root)', message: tooLargeMessage('an assessment bundle', utf8ByteLength(text), maxBytes) }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return validateBundleData(data, pack);
}

/** Validates already-parsed JSON. */
export function validateBundleData(data: unknown, pack: ContentPack): BundleValidation {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, errors: [{ path: '(root)', message: 'expected a JSON object (an assessment bundle)' }] };
  if ((data as Record<string, unknown>).format !== 'demarc-assessment') return { ok: false, errors: [{ path: 'format', message: 'not a Demarc assessment bundle (format must be "demarc-assessment")' }] };
  const { data: record, dropped } = withoutReservedRowKeys(data as Record<string, unknown>);
  const structural: BundleProblem[] = [];
  scanStructure(record, structural);
  if (structural.length > 0) return { ok: false, errors: structural };
  let parsed: ReturnType<typeof parseBundle>;
  try {
    parsed = parseBundle(record);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `the bundle could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (!parsed.ok) return { ok: false, errors: parsed.errors.slice(0, MAX_PROBLEMS).map((e) => ({ path: e.path || '(root)', message: e.message })) };
  const problems = packProblems(parsed.bundle, pack);
  if (problems.length > 0) return { ok: false, errors: problems.slice(0, MAX_PROBLEMS) };
  // risks under templates an older pack had and this one merged move to the absorbing template
  return { ok: true, bundle: migrateRetiredTemplates(parsed.bundle, pack, new Date().toISOString()).bundle, droppedKeys: dropped };
}
