import { evidenceLines } from '../evidence-text';
import type { RiskView } from '../model';

/**
 * The one or two lines of evidence printed under a risk in the themes chapter: what the
 * inventory shows (counts and the first named resources per check), else what the interview
 * said, and a contradiction when there is one. The full evidence is in the register
 * spreadsheet. One function, so a richer rendering of the evidence can replace it.
 */
export function evidenceSummary(r: RiskView): string[] {
  const lines: string[] = [];
  if (r.findings.length > 0) lines.push(inventoryLine(r));
  else if (r.answers.length > 0) lines.push(interviewLine(r));
  else lines.push('Raised by the consultant.');
  if (r.disagreements[0]) lines.push(`Contradiction: ${withoutShownTitle(r, r.disagreements[0])}`);
  return lines;
}

/** The contradiction without the title of a check the inventory line has just named ("… failing GR-11." not "… failing GR-11 (Every member …)."). */
function withoutShownTitle(r: RiskView, text: string): string {
  const shown = r.findings.slice(0, CHECKS_SHOWN).map((f) => ` (${f.checkTitle}).`);
  const hit = shown.find((s) => text.endsWith(s));
  return hit ? `${text.slice(0, -hit.length)}.` : text;
}

/** Names shown per check before "and N more" (the register workbook lists them all), and checks shown before "N more checks". */
const NAMES_PER_CHECK = 1;
const CHECKS_SHOWN = 1;

/** What the inventory shows, in the readable words of `evidence-text.ts` (settings, NSG rules, Defender objects by name). */
function inventoryLine(r: RiskView): string {
  const lines = evidenceLines(r.findings.slice(0, CHECKS_SHOWN), NAMES_PER_CHECK);
  const hidden = r.findings.length - lines.length;
  return `Inventory: ${lines.join(' ')}${hidden > 0 ? ` ${hidden} more check${hidden === 1 ? ' fails' : 's fail'} (see the register workbook).` : ''}`;
}

function interviewLine(r: RiskView): string {
  const answers = r.answers.slice(0, 2).map((a) => `${a.questionId} “${a.brief ?? a.answer}”`);
  const more = r.answers.length - answers.length;
  return `Interview: ${answers.join('; ')}${more > 0 ? ` and ${more} more` : ''}.`;
}
