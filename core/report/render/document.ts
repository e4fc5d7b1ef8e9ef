import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LevelFormat,
  LineRuleType,
  PageOrientation,
  Paragraph,
  SectionType,
  TabStopType,
  type ISectionOptions,
  type IStylesOptions,
  type PageNumberEstimator,
} from 'docx';
import type { ReportModel } from '../model';
import { providerCommitmentsChapter } from './provider-commitments';
import type { ReportTemplate, SectionId } from '../template';
import { irPlan, irQuickCard } from './ir';
import { sectionsAtDepth } from '../depth';
import { collectRawTables, continueNextChapter, field, heading, LANDSCAPE_WIDTH, layout, para, PORTRAIT_WIDTH, resetLists, resetToc, rich, runs, STYLE, tableOfContents, tocCapacity, tocEntries, tocFlow, type RawTables } from './primitives';
import { contentsEntries } from './contents';
import {
  appendixEvidence,
  appendixGlossary,
  appendixInterviewLog,
  appendixRegister,
  appendixScales,
  appendixSignOff,
  cover,
  disclaimer,
  documentControl,
  environment,
  executiveSummary,
  methodology,
  registerSummary,
  riskDetails,
  roadmap,
  scopeApproach,
  themesChapter,
  sharedResponsibility,
  type Block,
  type Ctx,
} from './sections';

const MARGIN = 1134; // 2 cm

/** Paragraph and character styles built from the template's branding (used when it has no reference document). */
export function brandStyles(template: ReportTemplate): IStylesOptions {
  const { colours, fonts, theme } = template.manifest.branding;
  const heading = (size: number, color: string, before: number, extra: object = {}) => ({
    run: { font: fonts.headings, size, bold: true, color },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, ...extra },
  });
  return {
    default: {
      document: { run: { font: fonts.body, size: 21, color: theme.bodyText }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: fonts.headings, size: 56, bold: true, color: colours.primary }, paragraph: { spacing: { after: 240, line: 240, lineRule: LineRuleType.AUTO } } },
      // level-1 headings start a page by direct formatting (see `heading`), not by the style
      heading1: heading(34, colours.primary, 0, { outlineLevel: 0 }),
      heading2: heading(26, colours.accent, 300, { outlineLevel: 1 }),
      heading3: heading(22, colours.primary, 240, { outlineLevel: 2 }),
      listParagraph: { paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: [
      { id: STYLE.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: fonts.headings, size: 36, color: colours.accent }, paragraph: { spacing: { after: 200 } } },
      { id: STYLE.coverMeta, name: 'Cover Meta', basedOn: 'Normal', quickFormat: true, run: { size: 26, color: colours.muted }, paragraph: { spacing: { after: 480 } } },
      { id: STYLE.classification, name: 'Classification', basedOn: 'Normal', quickFormat: true, run: { size: 20, bold: true, allCaps: true, color: colours.primary } },
      { id: STYLE.tableText, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: 17 }, paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText, quickFormat: true, run: { size: 17, bold: true, color: colours.tableHeaderText }, paragraph: { keepNext: true } },
      { id: STYLE.caption, name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 18, bold: true, color: colours.muted }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      { id: STYLE.small, name: 'Small', basedOn: 'Normal', quickFormat: true, run: { size: 16, color: colours.muted } },
      { id: STYLE.code, name: 'Code', basedOn: 'Normal', quickFormat: true, run: { font: fonts.mono, size: 16 }, paragraph: { spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO }, shading: { type: 'clear', fill: theme.codeFill, color: 'auto' } } },
      { id: STYLE.heatCell, name: 'Heat Map Cell', basedOn: STYLE.tableText, quickFormat: true, run: { size: 20, bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
      { id: STYLE.label, name: 'Risk Label', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 19, bold: true, color: colours.accent }, paragraph: { spacing: { before: 180, after: 40 }, keepNext: true } },
    ],
  };
}

function headerFooter(ctx: Ctx, isCover: boolean, cachedPages: number): Pick<ISectionOptions, 'headers' | 'footers'> {
  const { meta } = ctx.model;
  const tab = [{ type: TabStopType.RIGHT, position: ctx.width }];
  const header = isCover
    ? new Header({ children: [new Paragraph({ style: STYLE.small, alignment: AlignmentType.RIGHT, children: runs(meta.classification) })] })
    : new Header({ children: [new Paragraph({ style: STYLE.small, tabStops: tab, children: runs(`${meta.client}\t${meta.classification}`) })] });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: STYLE.small,
        tabStops: tab,
        children: [...runs(`${meta.firmName} · ${meta.classification}`), ...runs('\tPage '), ...field('PAGE', isCover ? '1' : '2'), ...runs(' of '), ...field('NUMPAGES', String(cachedPages))],
      }),
    ],
  });
  return { headers: { default: header }, footers: { default: footer } };
}

type Renderer = (ctx: Ctx) => Block[];
const QUICK_CARD = 'ir-quick-card' as SectionId;

/** Short chapters that read on from the one before: they continue on its page when there is room (see `continueNextChapter`). */
const READS_ON: readonly SectionId[] = ['disclaimer', 'methodology', 'provider-commitments'];

/**
 * Whether a section continues on the previous one's page: those above when there is room, and
 * every appendix after the first always (the landscape register aside), since what follows an
 * appendix continues as well and no page break can leave a short tail behind.
 */
function readsOn(id: SectionId, previous: SectionId | undefined): false | 'room' | 'always' {
  const appendix = (s: SectionId | undefined): boolean => Boolean(s?.startsWith('appendix-')) && s !== 'appendix-register';
  if (appendix(id) && appendix(previous)) return 'always';
  // at full depth the themes (one line per risk) read on from the register summary, the other list of risks
  return READS_ON.includes(id) || (id === 'themes' && previous === 'register-summary') ? 'room' : false;
}

/** Renders the report model as a docx Document. `part` picks the report or the stand-alone IR plan. */
export function renderDocument(
  reportModel: ReportModel,
  template: ReportTemplate,
  options: {
    part: 'report' | 'ir-plan';
    irSeparate: boolean;
    referenceStylesXml?: string;
    pageNumbers?: PageNumberEstimator;
    onSection?: (id: string) => void;
    onRisk?: () => void;
    /** write tables as text into this collection (the body holds markers; see insertRawTables) */
    rawTables?: RawTables;
  },
): Document {
  collectRawTables(options.rawTables);
  try {
    return renderSections(reportModel, template, options);
  } finally {
    collectRawTables(undefined);
  }
}

function renderSections(reportModel: ReportModel, template: ReportTemplate, options: Parameters<typeof renderDocument>[2]): Document {
  // the stand-alone IR plan carries its own title on the cover and in the properties
  const model: ReportModel = options.part === 'ir-plan' ? { ...reportModel, meta: { ...reportModel.meta, title: reportModel.meta.irPlanTitle } } : reportModel;
  resetLists();
  resetToc();
  layout.reset();
  let tocAt = -1;
  // where the contents list starts on its page (layout units), below the "Contents" title
  let tocStartY = 0;
  const TOC_SLOT = new Paragraph({ children: [] });
  const wanted: SectionId[] =
    options.part === 'report'
      ? sectionsAtDepth(template.sections, model.depth)
      : (['cover', QUICK_CARD, 'document-control', 'contents', 'ir-plan'] as SectionId[]).filter((s) => template.sections.includes(s) || s === 'ir-plan' || s === QUICK_CARD);
  // risk ids link to the risk's page (full depth) or its entry in the themes chapter
  const riskLinks = options.part === 'report' && (wanted.includes('risk-details') || wanted.includes('themes'));
  const base: Omit<Ctx, 'width'> = { model, template, irSeparate: options.irSeparate, riskLinks, sections: wanted };
  const irPointer = `The tailored incident response plan is issued as a separate document, “${model.meta.irPlanTitle}”, version ${model.meta.version} of ${model.meta.date}.`;
  const irPointerInRoadmap = options.irSeparate && options.part === 'report' && wanted.includes('roadmap');
  const renderers: Record<SectionId, Renderer> = {
    cover,
    'document-control': documentControl,
    // the contents has a page of its own (its entries are chosen to fit it); what follows starts the next page
    contents: () => {
      const breakBefore = layout.y > 0;
      layout.newPage();
      tocAt = tocEntries.length;
      tocStartY = 40;
      layout.advance(layout.height);
      return [new Paragraph({ style: STYLE.subtitle, ...(breakBefore ? { pageBreakBefore: true } : {}), children: runs('Contents') }), TOC_SLOT];
    },
    disclaimer,
    'executive-summary': executiveSummary,
    'scope-approach': scopeApproach,
    methodology,
    environment,
    'shared-responsibility': sharedResponsibility,
    'provider-commitments': providerCommitmentsChapter,
    'register-summary': registerSummary,
    themes: themesChapter,
    'risk-details': (ctx) => riskDetails(ctx, options.onRisk),
    // with the IR plan separate, its pointer goes in the roadmap (when the roadmap is printed), after
    // the act-now box that opens it: a one-paragraph chapter of its own would sit alone on the page
    // before the landscape register
    roadmap: (ctx) => roadmap(ctx, irPointerInRoadmap ? [rich([{ text: 'Incident response plan: ', bold: true }, irPointer])] : []),
    'ir-plan': (ctx) =>
      options.irSeparate && options.part === 'report'
        ? irPointerInRoadmap
          ? []
          : [heading(1, 'Incident response plan', undefined, { follow: true }), para(irPointer)]
        : irPlan(ctx),
    'appendix-register': appendixRegister,
    'appendix-scales': appendixScales,
    'appendix-interview-log': appendixInterviewLog,
    'appendix-evidence': appendixEvidence,
    'appendix-glossary': appendixGlossary,
    'appendix-sign-off': appendixSignOff,
    // the stand-alone IR plan opens with its quick-reference card (not a template section); it ends with its own approval, not the report's risk sign-off
    [QUICK_CARD]: (ctx: Ctx) => irQuickCard(ctx),
  };

  // group consecutive sections by page setup: the cover alone, the register landscape, the rest portrait
  const groups: { kind: 'cover' | 'portrait' | 'landscape'; ids: SectionId[] }[] = [];
  for (const id of wanted) {
    const kind = id === 'cover' ? 'cover' : id === 'appendix-register' ? 'landscape' : 'portrait';
    const last = groups[groups.length - 1];
    if (last && last.kind === kind && kind !== 'cover') last.ids.push(id);
    else groups.push({ kind, ids: [id] });
  }

  const bodies = groups.map((g) => {
    const landscape = g.kind === 'landscape';
    const ctx: Ctx = { ...base, width: landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH };
    layout.newPage();
    if (landscape) layout.landscape();
    else layout.portrait();
    const children: Block[] = [];
    for (const id of g.ids) {
      options.onSection?.(id);
      continueNextChapter(readsOn(id, wanted[wanted.indexOf(id) - 1]));
      const from = tocEntries.length;
      children.push(...renderers[id](ctx));
      for (const e of tocEntries.slice(from)) e.section = id;
    }
    return { g, ctx, landscape, children };
  });
  // the cached NUMPAGES value: the estimate; Word and LibreOffice recompute it
  const cachedPages = layout.page;
  const sections: ISectionOptions[] = bodies.map(({ g, ctx, landscape, children }) => {
    return {
      properties: {
        type: SectionType.NEXT_PAGE,
        page: {
          size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 },
        },
      },
      ...headerFooter(ctx, g.kind === 'cover', cachedPages),
      children,
    };
  });


  // the table of contents, now that every heading and its estimated page is known
  if (tocAt >= 0) {
    const listed = contentsEntries(tocEntries, tocStartY);
    // only when even the chapters alone overflow the page does the list run on (and push later pages)
    const flow = listed.entries.length > tocCapacity(tocStartY, true) ? tocFlow(listed.entries.length, tocStartY) : { pages: 1, tight: listed.tight };
    const entries = listed.entries.map((e) => (e.order > tocAt ? { ...e, page: e.page + Math.max(0, flow.pages - 1) } : e));
    for (const s of sections) {
      const children = s.children as Block[];
      const at = children.indexOf(TOC_SLOT);
      if (at >= 0) children.splice(at, 1, ...tableOfContents(entries, PORTRAIT_WIDTH, flow.tight));
    }
  }

  const title = options.part === 'report' ? model.meta.title : model.meta.irPlanTitle;
  return new Document({
    title: `${title} — ${model.meta.client}`,
    subject: model.meta.subject,
    creator: model.meta.preparedBy,
    lastModifiedBy: model.meta.preparedBy,
    keywords: model.meta.keywords,
    description: `${title} for ${model.meta.client}. ${model.meta.classification}.`,
    features: { updateFields: true },
    ...(options.pageNumbers ? { pageNumbers: options.pageNumbers } : {}),
    ...(options.referenceStylesXml ? { externalStyles: options.referenceStylesXml } : { styles: brandStyles(template) }),
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }] },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 340 } } } }] },
      ],
    },
    sections,
  });
}
