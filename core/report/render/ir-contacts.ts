/**
 * The IR plan's contact sheet: one row per role the plan needs, each holder's name with their
 * organisation (for people outside the client) and deputy under it, then phone and email in
 * columns wide enough to keep a number and an address on one line, so a responder can dial
 * or copy them from a printed copy at 3 a.m.
 */
import { Paragraph } from 'docx';
import { para, runs, STYLE, type CellContent } from './primitives';
import { brandedTable, CELL_PADDING_TWIPS, TABLE_TEXT_PT, type Block, type Ctx } from './context';
import { textWidthTwips } from './text-metrics';
import { NOT_RECORDED, unbreakable } from '../ir-plan-parts';
import type { ContactHolder, IrPlanModel } from '../types';

type SheetRow = IrPlanModel['contactSheet'][number];

const HEADER = ['Role and duty', 'Name and organisation', 'Phone', 'Email'];

/** The role in bold over its duty in small print, so the sheet needs no second table. */
const roleCell = (r: SheetRow): CellContent => [
  new Paragraph({ style: STYLE.tableText, children: runs(`${r.role}${r.gap && !r.required ? ' (if used)' : ''}`, { bold: true }) }),
  new Paragraph({ style: STYLE.small, children: runs(r.duty) }),
];

/** A second holder's row names the role again, so it does not read as a role of its own. */
const alsoCell = (r: SheetRow): CellContent => [new Paragraph({ style: STYLE.tableText, children: runs(`${r.role} (also)`, { bold: true }) })];

/** The name, then in small print the organisation and the deputy when there are any. */
function personCell(name: string, organisation: string, deputy = ''): CellContent {
  const lines = [new Paragraph({ style: STYLE.tableText, children: runs(name) })];
  if (organisation) lines.push(new Paragraph({ style: STYLE.small, children: runs(organisation) }));
  if (deputy) lines.push(new Paragraph({ style: STYLE.small, children: runs(`Deputy: ${deputy}`) }));
  return lines;
}

/** A role's rows: one per holder (details stay side by side), or the gap in bold. */
function roleRows(r: SheetRow): CellContent[][] {
  if (r.holders.length === 0) return [[roleCell(r), { text: r.name, bold: true }, '', '']];
  return r.holders.map((h: ContactHolder, i) => [i === 0 ? roleCell(r) : alsoCell(r), personCell(h.name, h.organisation, h.deputy), h.phone, h.email]);
}

/** Headroom over the measured width, as for other tables (kerning, rounding). */
const HEADROOM = 1.06;
/** The email column may take at most this share; a longer address wraps at a hyphen. */
const EMAIL_SHARE = 0.4;

/**
 * Column weights (twips): phone and email as wide as their longest entry (email capped), the
 * name a quarter, the role and duty the rest.
 */
function sheetWidths(ctx: Ctx, phones: readonly string[], emails: readonly string[]): number[] {
  const widest = (texts: readonly string[], header: string): number =>
    Math.ceil(Math.max(textWidthTwips(header, TABLE_TEXT_PT, true), ...texts.map((t) => textWidthTwips(t, TABLE_TEXT_PT))) * HEADROOM) + CELL_PADDING_TWIPS;
  const phone = widest(phones, HEADER[2]!);
  const email = Math.min(widest(emails, HEADER[3]!), Math.floor(ctx.width * EMAIL_SHARE));
  const name = Math.floor(ctx.width * 0.25);
  return [Math.max(ctx.width - phone - email - name, Math.floor(ctx.width * 0.2)), name, phone, email];
}

/** The contact sheet by role, then anyone recorded who holds no role, in the same columns. */
export function contactSheetTables(ctx: Ctx, ir: IrPlanModel): Block[] {
  const client = ctx.model.meta.client;
  const others = ir.contacts.filter((c) => !ir.contactSheet.some((r) => r.holders.some((h) => h.name === c.name)));
  const widths = sheetWidths(
    ctx,
    [...ir.contactSheet.flatMap((r) => r.holders.map((h) => h.phone)), ...others.map((c) => c.phone)],
    [...ir.contactSheet.flatMap((r) => r.holders.map((h) => h.email)), ...others.map((c) => c.email)],
  );
  const out: Block[] = [
    para(
      `One row per role the plan needs. Keep a printed and an offline copy: corporate email and Teams may be unavailable during an incident. “GAP” marks a role nobody holds yet; people outside ${client} show their organisation under their name.`,
      STYLE.small,
    ),
    brandedTable(ctx, widths, HEADER, ir.contactSheet.flatMap(roleRows)),
  ];
  if (others.length > 0) {
    out.push(para('Other contacts recorded (no IR role):', STYLE.caption));
    out.push(
      brandedTable(
        ctx,
        widths,
        ['Role', ...HEADER.slice(1)],
        others.map((c) => [c.role, personCell(c.name, c.organisation === client ? '' : c.organisation), unbreakable(c.phone) || NOT_RECORDED, c.email || NOT_RECORDED]),
      ),
    );
  }
  return out;
}
