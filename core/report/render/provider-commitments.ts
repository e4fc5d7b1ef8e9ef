import { heading, para, STYLE } from './primitives';
import { appendixLabel, brandedTable, templateText, type Block, type Ctx } from './context';
import { otherProvidersSection } from './other-providers';

// The "Provider commitments" chapter: what Microsoft commits to for this estate.

function serviceTable(ctx: Ctx, c: NonNullable<Ctx['model']['providerCommitments']>): Block[] {
  if (c.services.length === 0) return [para('No resource in the inventory has an SLA of its own (or no inventory was collected).')];
  return [
    para(
      `${c.counts.committed + c.counts.noSla + c.counts.unknown} resources have an SLA of their own: ${c.counts.committed} with a committed figure, ${c.counts.noSla} in a configuration with no financially backed SLA, and ${c.counts.unknown} whose figure could not be read in Microsoft's text.`,
    ),
    brandedTable(
      ctx,
      [2.2, 3.4, 3.4, 1.4, 1.6],
      ['Service', 'Configuration (as the SLA words it)', 'This client’s resources', 'Monthly uptime', 'Downtime a month at the limit'],
      c.services.map((s) => [s.service, s.configuration, `${s.count}: ${s.resources}`, s.sla, s.downtime]),
    ),
  ];
}

function workloadIntro(c: NonNullable<Ctx['model']['providerCommitments']>): string {
  if (c.workloadSource === 'business-services')
    return 'The workloads are the client’s business services as defined with the consultant; each is judged against its own tolerance (tolerated downtime, else its recovery time objective, else its criticality, else the scoping answer), named in the table.';
  const grouping = 'Workloads are grouped by their workload tags where the resources carry them, otherwise by resource group: Demarc’s suggestion, not yet reviewed with the client.';
  return c.tolerance
    ? `Tolerance: ${c.tolerance}. ${grouping}`
    : `The client’s tolerance for downtime was not recorded (scoping question on criticality), so no workload can be judged against it. ${grouping}`;
}

function verdictText(w: NonNullable<Ctx['model']['providerCommitments']>['workloads'][number]): string {
  const tolerance = w.tolerance ? `\nTolerance: ${w.tolerance}` : '';
  const risks = w.riskIds && w.riskIds.length > 0 ? `\nSee ${w.riskIds.join(', ')}.` : '';
  return `${w.verdict}${tolerance}${risks}`;
}

function workloadTable(ctx: Ctx, c: NonNullable<Ctx['model']['providerCommitments']>): Block[] {
  const out: Block[] = [heading(2, 'Workloads against the client’s tolerance'), para(workloadIntro(c))];
  if (c.workloads.length === 0) return [...out, para('No workload could be formed from the inventory.')];
  out.push(
    brandedTable(
      ctx,
      [2.2, 1.5, 1.5, 2.4, 3.8],
      ['Workload', 'Composite SLA', 'Downtime a month', 'Against its tolerance', 'What would close the gap (price class)'],
      c.workloads.map((w) => [`${w.name}\n${w.basis}`, w.composite, w.downtime, verdictText(w), w.fixes.length > 0 ? `${w.fixes.join('\n')}\nWith these: ${w.afterFixes}` : '—']),
    ),
  );
  return out;
}

function creditReality(c: NonNullable<Ctx['model']['providerCommitments']>): Block[] {
  return [
    heading(2, 'What a service credit is worth'),
    para('Service credits are the only remedy the SLA gives, and they are small next to the cost of an outage:'),
    ...c.creditTerms.map((t) => para(`• ${t}`)),
  ];
}

function greyAreas(c: NonNullable<Ctx['model']['providerCommitments']>): Block[] {
  if (c.greyAreas.length === 0) return [];
  return [heading(2, 'Where this client may assume more than Microsoft commits to'), ...c.greyAreas.map((g) => para(`• ${g.text}${g.riskIds.length > 0 ? ` See ${g.riskIds.join(', ')}.` : ''}`))];
}

/** The chapter, or nothing when the pack has no commitment data. */
export function providerCommitmentsChapter(ctx: Ctx): Block[] {
  const c = ctx.model.providerCommitments;
  if (!c) return [];
  return [
    heading(1, 'Provider commitments'),
    ...templateText(ctx, 'provider-commitments'),
    heading(2, 'What Microsoft commits to for this estate'),
    para(`${c.slaEdition}.${sourcesInAppendix(ctx) && c.sources.length > 0 ? ` The chapter’s ${c.sources.length} sources are listed with their dates in ${appendixLabel(ctx, 'appendix-glossary')} (References).` : ''}`),
    ...serviceTable(ctx, c),
    ...workloadTable(ctx, c),
    ...creditReality(c),
    ...greyAreas(c),
    ...otherProvidersSection(ctx, c.otherProviders),
    ...sourcesSection(ctx, c.sources),
  ];
}

/** Where the chapter's sources are: in the references appendix when the document has one, else here. */
export const sourcesInAppendix = (ctx: Ctx): boolean => ctx.sections.includes('appendix-glossary');

/** The sources at the end of the chapter, unless the references appendix lists them (the chapter says so where it opens). */
function sourcesSection(ctx: Ctx, sources: readonly string[]): Block[] {
  return sources.length === 0 || sourcesInAppendix(ctx) ? [] : [heading(2, 'Sources'), ...providerSources(sources)];
}

/** The sources as a reference list, set like table text (single spacing, 8.5 pt): a list to look things up in, not to read through. */
export const providerSources = (sources: readonly string[]): Block[] => sources.map((s) => para(s, STYLE.tableText));
