/**
 * Width of text in the report's table font, so column widths can be chosen that never break a
 * word. Advance widths (thousandths of an em) of the printable ASCII characters, read from the
 * hmtx table of Carlito Regular and Bold 1.103 (SIL Open Font License; metric-compatible with
 * Calibri, the default template's font, and what LibreOffice substitutes for it).
 */
const REGULAR = [
  226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662,
  517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498,
];
const BOLD = [
  226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676,
  532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498,
];
/** a few non-ASCII characters the report writes itself (’ – — … × →) */
const EXTRA: Record<number, [number, number]> = { 0x2019: [250, 258], 0x2013: [498, 498], 0x2014: [905, 905], 0x2026: [690, 711], 0xd7: [498, 498], 0x2192: [905, 905] };
/** anything else: wider than every Latin letter of the font, and a full em for CJK and emoji */
const OTHER = 700;
const WIDE = 1000;

/** Width in twips (1/20 pt) of `text` on one line at `sizePt`. */
export function textWidthTwips(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    // a no-break space is as wide as a space
    const c = ch === '\u00A0' ? 32 : ch.codePointAt(0)!;
    em += c >= 32 && c < 127 ? table[c - 32]! : (EXTRA[c]?.[bold ? 1 : 0] ?? (c >= 0x2e80 ? WIDE : OTHER));
  }
  return (em / 1000) * sizePt * 20;
}

/** Hyphenated tokens up to this length (ids such as R-001, NW-07) are kept whole. */
const SHORT_TOKEN = 10;

/**
 * The pieces a line should not break inside: words separated by white space (not a no-break
 * space, which holds e.g. a phone number together; a zero-width space is a break opportunity
 * the report puts in long property paths); a longer word
 * with hyphens may break after each hyphen (where Word and LibreOffice break lines), a short
 * one (an id) is kept whole.
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/[^\S\u00A0]+|\u200B/) // a no-break space joins, as it does on the page
    .flatMap((w) => (w.length > SHORT_TOKEN ? w.split(/(?<=-)/) : [w]))
    .filter((p) => p !== '');
}

/** Tokens longer than this get break opportunities after their dots and slashes. */
const LONG_TOKEN = 20;

/**
 * A zero-width space after each dot and slash of a long token (a property path such as
 * storageProfile.osDisk.managedDisk.securityProfile), so a narrow cell wraps it between
 * segments instead of inside a word. Invisible in print; only for the document, never the
 * spreadsheet, where a path is copied into a command. Not for URLs (a copied link would carry it).
 */
export function softBreaks(s: string): string {
  return s.replace(new RegExp(`\\S{${LONG_TOKEN + 1},}`, 'g'), (token) => token.replace(/([./])(?=\S)/g, '$1\u200B'));
}
