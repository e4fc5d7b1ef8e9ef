/**
 * Builds a Graph snapshot from saved Graph responses, for clients who grant Demarc no
 * access: the client's administrator runs the same GET requests (`az rest --method get` or
 * Graph PowerShell `Invoke-MgGraphRequest -OutputFilePath`, commands in
 * assessments/azure-m365/README.md) and hands over the files.
 *
 * File names say the collection: `<collection>.json`, and for further pages
 * `<collection>.2.json`, `<collection>.3.json`… (`users.json`, `users.2.json`). A file holds
 * one raw Graph response: a page `{"value": [...], "@odata.nextLink": …}` or a single
 * object for singletons; a bare JSON array (PowerShell `ConvertTo-Json`) is accepted too.
 * Everything is validated before anything is built: one bad file, and no snapshot.
 */
import { z } from 'zod';
import { deepFreeze } from '../azure/snapshot';
import { parseJsonWithLocation } from '../inventory/parse';
import { GRAPH_COLLECTIONS, graphCollection, isGraphCollectionId, type GraphCollectionId } from './collections';
import {
  GRAPH_SNAPSHOT_SCHEMA_VERSION,
  toGraphRow,
  type GraphCollectionResult,
  type GraphGap,
  type GraphRow,
  type GraphSnapshot,
} from './snapshot';

/** A bad import: the file, where in it, and what is wrong. */
export class GraphImportError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(file ? `${file}: ${detail}` : detail);
    this.name = 'GraphImportError';
  }
}

export interface GraphImportFile {
  /** The file name (a path is fine; only the last segment counts). */
  name: string;
  text: string;
}

export interface GraphImportOptions {
  /** When the files were captured (the caller knows: file times or the consultant). */
  capturedAt: string;
  /** Needed only when organization.json is missing. */
  tenantId?: string;
  cloud?: string;
  graphEndpoint?: string;
}

const FILE_NAME = /^([A-Za-z]+)(?:\.(\d+))?\.json$/;
const objectSchema = z.record(z.string(), z.unknown());
const pageSchema = z.looseObject({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

interface Page {
  file: string;
  number: number;
  objects: unknown[];
  nextLink: boolean;
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function readPage(file: GraphImportFile, collection: GraphCollectionId, number: number): Page {
  const name = baseName(file.name);
  let json: unknown;
  try {
    json = parseJsonWithLocation(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GraphImportError(name, (error as Error).message);
  }
  if (Array.isArray(json)) return { file: name, number, objects: json, nextLink: false };
  const page = pageSchema.safeParse(json);
  if (page.success) return { file: name, number, objects: page.data.value, nextLink: page.data['@odata.nextLink'] !== undefined };
  if (objectSchema.safeParse(json).success && graphCollection(collection).shape === 'singleton') return { file: name, number, objects: [json], nextLink: false };
  if (objectSchema.safeParse(json).success && 'error' in (json as object)) {
    throw new GraphImportError(name, 'holds a Graph error, not data: leave the file out and the collection is recorded as not provided');
  }
  throw new GraphImportError(name, `expected a Graph response with a "value" array${graphCollection(collection).shape === 'singleton' ? ' or a single object' : ''}`);
}

function groupFiles(files: readonly GraphImportFile[]): Map<GraphCollectionId, Page[]> {
  const groups = new Map<GraphCollectionId, Page[]>();
  for (const file of files) {
    const name = baseName(file.name);
    const match = FILE_NAME.exec(name);
    const id = match?.[1];
    if (!match || !id || !isGraphCollectionId(id)) {
      throw new GraphImportError(name, `not a Graph export file name; expected <collection>.json or <collection>.<page>.json with a collection among ${GRAPH_COLLECTIONS.map((c) => c.id).join(', ')}`);
    }
    const number = match[2] ? Number(match[2]) : 1;
    const pages = groups.get(id) ?? [];
    if (pages.some((p) => p.number === number)) throw new GraphImportError(name, `page ${number} of ${id} is given twice`);
    pages.push(readPage(file, id, number));
    groups.set(id, pages);
  }
  return groups;
}

function rowsOfPages(collection: GraphCollectionId, pages: Page[]): GraphRow[] {
  pages.sort((a, b) => a.number - b.number);
  const spec = graphCollection(collection);
  if (spec.shape === 'singleton' && (pages.length !== 1 || pages[0]!.objects.length !== 1)) {
    throw new GraphImportError(pages[0]!.file, `${collection} is a single object; expected one file holding one object`);
  }
  const withNext = pages.filter((p) => p.nextLink).length;
  if (!spec.maxPages && withNext !== pages.length - 1) {
    throw new GraphImportError(
      pages.at(-1)!.file,
      `${pages.length} page file(s) of ${collection}, ${withNext} of them with @odata.nextLink: a page is missing, so the export is incomplete (save every page, following @odata.nextLink)`,
    );
  }
  const rows: GraphRow[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    page.objects.forEach((object, i) => {
      const parsed = objectSchema.safeParse(object);
      const row = parsed.success ? toGraphRow(collection, parsed.data) : undefined;
      if (!row) throw new GraphImportError(page.file, `value[${i}]: expected a Graph object with a string "id"`);
      if (seen.has(row.id)) return;
      seen.add(row.id);
      rows.push(row);
    });
  }
  return spec.maxPages ? rows.slice(0, spec.maxPages) : rows;
}

/** Validates the files and builds a frozen snapshot; throws {@link GraphImportError}. */
export function importGraphFiles(files: readonly GraphImportFile[], options: GraphImportOptions): GraphSnapshot {
  if (files.length === 0) throw new GraphImportError('', 'no files to import');
  const groups = groupFiles(files);
  const rows: GraphRow[] = [];
  const collections: GraphCollectionResult[] = [];
  const gaps: GraphGap[] = [];
  for (const spec of GRAPH_COLLECTIONS) {
    const pages = groups.get(spec.id);
    if (!pages) {
      gaps.push({ collection: spec.id, type: spec.type, kind: 'not-provided', httpStatus: null, code: 'NotProvided', message: `no ${spec.id}.json among the imported files` });
      collections.push({ collection: spec.id, type: spec.type, status: 'gap', rows: 0, pages: 0 });
      continue;
    }
    const got = rowsOfPages(spec.id, pages);
    for (const row of got) rows.push(row); // not push(...got): a few hundred thousand arguments overflow the stack
    collections.push({ collection: spec.id, type: spec.type, status: 'complete', rows: got.length, pages: pages.length });
  }
  const org = rows.find((r) => r.type === graphCollection('organization').type);
  const tenantId = org?.id ?? options.tenantId;
  if (!tenantId) throw new GraphImportError('', 'the tenant is unknown: add organization.json or give the tenant id');
  if (org && options.tenantId && org.id !== options.tenantId) {
    throw new GraphImportError('organization.json', `describes tenant ${org.id}, not ${options.tenantId}`);
  }
  return deepFreeze({
    demarcGraphSnapshot: {
      schemaVersion: GRAPH_SNAPSHOT_SCHEMA_VERSION,
      source: 'import' as const,
      tenantId,
      tenantName: org && typeof org.object.displayName === 'string' ? org.object.displayName : null,
      cloud: options.cloud ?? 'unknown',
      graphEndpoint: options.graphEndpoint ?? 'unknown',
      startedAt: options.capturedAt,
      capturedAt: options.capturedAt,
      collections,
      gaps,
    },
    data: rows,
  });
}
