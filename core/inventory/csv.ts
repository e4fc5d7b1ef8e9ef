/** A CSV problem with its 1-based line and column. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'CsvError';
  }
}

/** One parsed record and the line it started on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF, newlines inside quotes).
 * Strict: a stray quote inside an unquoted field or an unclosed quote is an error.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let col = 1;
  const n = text.length;
  let fields: string[] = [];
  let recordLine = 1;
  let atRecordStart = true;

  while (i < n) {
    if (atRecordStart) {
      recordLine = line;
      atRecordStart = false;
    }
    let field = '';
    if (text[i] === '"') {
      const startLine = line;
      const startCol = col;
      i++;
      col++;
      let closed = false;
      while (i < n) {
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          closed = true;
          break;
        }
        if (ch === '\n') {
          line++;
          col = 1;
        } else col++;
        field += ch;
        i++;
      }
      if (!closed) throw new CsvError('quoted field is never closed', startLine, startCol);
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        throw new CsvError(`unexpected character '${next}' after a closing quote`, line, col);
    } else {
      while (i < n) {
        const ch = text[i]!;
        if (ch === ',' || ch === '\n' || ch === '\r') break;
        if (ch === '"') throw new CsvError('quote inside an unquoted field', line, col);
        field += ch;
        i++;
        col++;
      }
    }
    fields.push(field);
    const ch = text[i];
    if (ch === ',') {
      i++;
      col++;
      if (i >= n) fields.push('');
      continue;
    }
    // end of record
    if (ch === '\r') i++;
    if (text[i] === '\n') i++;
    records.push({ line: recordLine, fields });
    fields = [];
    atRecordStart = true;
    line++;
    col = 1;
  }
  if (fields.length > 0) records.push({ line: recordLine, fields });
  // drop blank trailing lines
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}
