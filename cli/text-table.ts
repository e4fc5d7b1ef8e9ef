/**
 * Rows as aligned plain-text columns for the terminal: each column as wide as its longest cell,
 * at most `maxWidth` (longer cells end in '…'); with `wrapLast`, the last column is printed whole.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], options: { maxWidth: number; wrapLast?: boolean }): string {
  const last = header.length - 1;
  const whole = (i: number) => options.wrapLast === true && i === last;
  const widths = header.map((h, i) => Math.min(options.maxWidth, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const cell = (c: string, i: number) => (whole(i) ? c : c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!));
  const line = (r: readonly string[]) => r.map(cell).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
