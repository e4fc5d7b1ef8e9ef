import { ImageRun, Paragraph } from 'docx';
import { heading, keyValues, para, runs, STYLE } from './primitives';
import { themeOf, templateText, brandedTable, type Block, type Ctx } from './context';

// Cover, document control, disclaimer.

export function cover(ctx: Ctx): Block[] {
  const { meta } = ctx.model;
  const out: Block[] = [];
  const logo = ctx.template.logo;
  if (logo) {
    const maxW = 220;
    const scale = Math.min(1, maxW / logo.width, 90 / logo.height);
    out.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: logo.type,
            data: logo.bytes,
            transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
            altText: { name: 'Logo', description: `${meta.firmName} logo`, title: meta.firmName },
          }),
        ],
      }),
    );
  }
  out.push(para(meta.classification, STYLE.classification));
  out.push(new Paragraph({ style: STYLE.title, spacing: { before: 2400 }, children: runs(meta.title) }));
  out.push(para(meta.client, STYLE.subtitle));
  out.push(para(meta.engagement, STYLE.coverMeta));
  out.push(
    keyValues(
      [
        ['Prepared for', meta.preparedFor],
        ['Prepared by', meta.preparedBy],
        ...(meta.engagementId ? ([['Engagement reference', meta.engagementId]] as [string, string][]) : []),
        ...(meta.engagementDates ? ([['Engagement dates', meta.engagementDates]] as [string, string][]) : []),
        ['Version', `${meta.version} ${meta.statusLabel}`],
        ['Date', meta.date],
        ['Classification', meta.classification],
      ],
      Math.round(ctx.width * 0.7),
      themeOf(ctx).labelFill,
      themeOf(ctx).tableBorder,
    ),
  );
  out.push(para(meta.classificationNotice, STYLE.small));
  if (meta.masked) out.push(para("Tenant and subscription identifiers and users' names are masked in this document.", STYLE.small));
  return out;
}

/** An empty cell three lines high. */
const SIGNATURE_SPACE = '\n\n';

export function documentControl(ctx: Ctx): Block[] {
  const dc = ctx.model.documentControl;
  return [
    heading(1, 'Document control'),
    heading(2, 'Version history'),
    brandedTable(ctx, [1, 2, 3, 5], ['Version', 'Date', 'Author', 'Change'], dc.versions.map((v) => [v.version, v.date, v.author, v.change])),
    heading(2, 'Review and approval'),
    // the empty Date and Signature cells are where each reviewer signs: three lines high, room for a hand
    brandedTable(ctx, [3, 3, 2, 2], ['Name', 'Role', 'Date', 'Signature'], dc.reviewers.map((r) => [r.name, r.role, '', SIGNATURE_SPACE])),
    heading(2, 'Distribution'),
    para('This report describes weaknesses of the client’s estate. Outside parties named in the incident response plan, such as a managed security provider, the insurer or Microsoft, receive it only if the client decides so.'),
    dc.distribution.length > 0
      ? brandedTable(ctx, [3, 3, 3], ['Name', 'Organisation', 'Role'], dc.distribution.map((d) => [d.name, d.organisation, d.role]))
      : para('Distribution is limited to the named client sponsor and the assessment team.'),
  ];
}

/** The legal notice. The limitations of the assessment are part of its scope (see `scopeApproach`), unless the document has no scope chapter. */
export function disclaimer(ctx: Ctx): Block[] {
  if (ctx.sections.includes('scope-approach')) return [heading(1, 'Disclaimer'), ...templateText(ctx, 'disclaimer', 3)];
  return [heading(1, 'Disclaimer and limitations'), heading(2, 'Disclaimer'), ...templateText(ctx, 'disclaimer', 3), heading(2, 'Limitations'), ...templateText(ctx, 'limitations', 3)];
}
