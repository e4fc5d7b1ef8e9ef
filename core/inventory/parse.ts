import { parseCsv, CsvError } from './csv';
import { findJsonErrorOffset } from './json-error';
import { rowsWithoutReservedKeys } from './reserved-keys';

/** Inventory input formats Demarc reads (same parser for the CLI and the app). */
export type InventoryFormat = 'rows-array' | 'arg-response' | 'arg-response-array' | 'az-cli' | 'arg-table' | 'csv';

/** A bad inventory file: the location (`line 3, column 14`, `data[12]`) and what is wrong. */
export class InventoryParseError extends Error {
  constructor(
    message: string,
    readonly location: string,
  ) {
    super(location ? `${location}: ${message}` : message);
    this.name = 'InventoryParseError';
  }
}

/** Raw rows plus the format they came in. */
export interface ParsedInventory {
  format: InventoryFormat;
  rows: Record<string, unknown>[];
  /** Keys named `__proto__`, `constructor` or `prototype` dropped from the rows (reserved-keys.ts). */
  droppedKeys: number;
}

/** Sets a column of a row built here: defined, so a column named `__proto__` is a key until the reserved-key pass drops it. */
function setColumn(row: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true });
}

function lineCol(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: pos - last };
}

/** JSON.parse with the position turned into a line and column. */
export function parseJsonWithLocation(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message.replace(/, "[\s\S]*" is not valid JSON$/, '');
    const offset = findJsonErrorOffset(text);
    if (offset >= 0) {
      const { line, column } = lineCol(text, offset);
      const where = offset >= text.length ? 'end of file' : `line ${line}, column ${column}`;
      throw new InventoryParseError(`invalid JSON: ${msg}`, where);
    }
    throw new InventoryParseError(`invalid JSON: ${msg}`, '');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function rowsFromData(data: unknown, where: string): Record<string, unknown>[] {
  if (Array.isArray(data)) {
    data.forEach((r, i) => {
      if (!isObject(r)) throw new InventoryParseError('each row must be a JSON object', `${where}[${i}]`);
    });
    return data as Record<string, unknown>[];
  }
  if (isObject(data) && Array.isArray(data.columns) && Array.isArray(data.rows)) return rowsFromTable(data, where);
  throw new InventoryParseError('expected an array of rows (objectArray) or a {columns, rows} table', where);
}

function rowsFromTable(table: Record<string, unknown>, where: string): Record<string, unknown>[] {
  const columns = (table.columns as unknown[]).map((c, i) => {
    if (!isObject(c) || typeof c.name !== 'string') throw new InventoryParseError('a column needs a name', `${where}.columns[${i}]`);
    return c.name;
  });
  return (table.rows as unknown[]).map((r, i) => {
    if (!Array.isArray(r) || r.length !== columns.length)
      throw new InventoryParseError(`a row must be an array of ${columns.length} values`, `${where}.rows[${i}]`);
    const row: Record<string, unknown> = {};
    columns.forEach((name, j) => setColumn(row, name, r[j]));
    return row;
  });
}

const looksLikeResponse = (o: Record<string, unknown>): boolean => 'data' in o && !('id' in o && 'type' in o);

/**
 * Parses an inventory file: a JSON array of Resource Graph rows; a Resource Graph REST
 * response (`{data: [...]}` objectArray, or a table) or an array of them (pages); `az graph
 * query` output (`{count, data, skip_token, total_records}`); or a CSV export from the portal's
 * Resource Graph Explorer (JSON columns such as `properties` as JSON text). Throws
 * {@link InventoryParseError} naming the location; never returns a partial result.
 */
export function parseInventory(text: string): ParsedInventory {
  const { format, rows } = readRows(text);
  const clean = rowsWithoutReservedKeys(rows);
  return { format, rows: clean.rows, droppedKeys: clean.dropped };
}

function readRows(text: string): Omit<ParsedInventory, 'droppedKeys'> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new InventoryParseError('the file is empty', '');
  const first = trimmed[0];
  if (first === '[' || first === '{') {
    const data = parseJsonWithLocation(text.replace(/^\uFEFF/, ''));
    if (Array.isArray(data)) {
      if (data.length > 0 && data.every((e) => isObject(e) && looksLikeResponse(e))) {
        const rows: Record<string, unknown>[] = [];
        data.forEach((page, i) => rows.push(...rowsFromData((page as Record<string, unknown>).data, `[${i}].data`)));
        return { format: 'arg-response-array', rows };
      }
      data.forEach((r, i) => {
        if (!isObject(r)) throw new InventoryParseError('each row must be a JSON object', `[${i}]`);
        if (looksLikeResponse(r)) throw new InventoryParseError('mixes Resource Graph responses and rows', `[${i}]`);
      });
      return { format: 'rows-array', rows: data as Record<string, unknown>[] };
    }
    if (isObject(data)) {
      if (!('data' in data))
        throw new InventoryParseError('a JSON object must be a Resource Graph response with a `data` member', '(root)');
      const isCli = 'skip_token' in data || 'total_records' in data;
      const isTable = isObject(data.data) && Array.isArray((data.data as Record<string, unknown>).rows);
      return { format: isCli ? 'az-cli' : isTable ? 'arg-table' : 'arg-response', rows: rowsFromData(data.data, 'data') };
    }
  }
  return { format: 'csv', rows: parseCsvInventory(text) };
}

const jsonColumns = new Set(['properties', 'tags', 'sku', 'identity', 'plan', 'zones', 'extendedlocation', 'managedby', 'aliases']);

function parseCsvInventory(text: string): Record<string, unknown>[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new InventoryParseError(`CSV: ${e.message.replace(/^line \d+, column \d+: /, '')}`, `line ${e.line}, column ${e.column}`);
    throw e;
  }
  const header = records[0];
  if (!header) throw new InventoryParseError('the file is empty', '');
  const names = header.fields.map((f) => f.trim());
  const lower = names.map((n) => n.toLowerCase());
  if (!lower.includes('id') || !lower.includes('type'))
    throw new InventoryParseError(
      'not a recognised inventory: expected JSON (rows or a Resource Graph response) or a CSV with at least `id` and `type` columns',
      'line 1',
    );
  const rows: Record<string, unknown>[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.fields.length !== names.length)
      throw new InventoryParseError(`expected ${names.length} fields, found ${rec.fields.length}`, `line ${rec.line}`);
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) {
      const raw = rec.fields[c]!;
      const name = names[c]!;
      const trimmedCell = raw.trim();
      if (trimmedCell === '') {
        setColumn(row, name, jsonColumns.has(lower[c]!) ? null : '');
        continue;
      }
      if (jsonColumns.has(lower[c]!) || trimmedCell.startsWith('{') || trimmedCell.startsWith('[')) {
        try {
          setColumn(row, name, JSON.parse(trimmedCell));
        } catch (e) {
          if (jsonColumns.has(lower[c]!))
            throw new InventoryParseError(`column '${name}' is not valid JSON: ${(e as Error).message}`, `line ${rec.line}, column '${name}'`);
          setColumn(row, name, raw);
        }
        continue;
      }
      setColumn(row, name, raw);
    }
    rows.push(row);
  }
  return rows;
}
