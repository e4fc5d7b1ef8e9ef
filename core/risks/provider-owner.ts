import type { OtherProviders, WorksheetItems } from '../commitments/schema';
import type { ContentPack } from '../content/types';
import type { VisibleWhen } from '../content/schemas';
import type { Area } from '../content/vocabulary';
import type { Answers } from '../interview/answers';
import type { Risk } from './schema';

/**
 * Owners of the risks the multi-cloud questions raise. Those risks concern the other providers
 * in scope, not Microsoft: their owner comes from each provider's matrix
 * (`commitments/other-providers.yaml`), one cell per provider column, instead of Microsoft's.
 */

export type ProviderBasis = NonNullable<Risk['providerBasis']>;
type Cell = ProviderBasis[number]['owner'];

/** The customer's action on the provider's part of a multi-cloud risk: check that provider's assurance, not Microsoft's. */
export const PROVIDER_VERIFY_TEXT =
  "Verify each provider's side: review its compliance reports (for example SOC 2 Type 2, ISO/IEC 27001), its SLA and its data processing terms for the services in use, and subscribe to its service health notices.";

const namesQuestion = (when: VisibleWhen | undefined, question: string): boolean => when !== undefined && 'question' in when && when.question === question;

/**
 * Templates that concern the other providers: raised only by questions shown because the scope
 * question names other providers (their domain's or their own `visibleWhen` is on it), and by
 * no check and no scope rule. A template also raised elsewhere keeps Microsoft's matrix.
 */
export function otherCloudTemplates(pack: ContentPack, scopeQuestion: string): Set<string> {
  const raisedBy = new Map<string, boolean[]>();
  const add = (templateId: string, other: boolean) => raisedBy.set(templateId, [...(raisedBy.get(templateId) ?? []), other]);
  for (const domain of pack.domains)
    for (const q of domain.questions) if (q.risk) add(q.risk, namesQuestion(domain.visibleWhen, scopeQuestion) || namesQuestion(q.visibleWhen, scopeQuestion));
  for (const c of pack.checks) add(c.risk, false);
  for (const t of pack.riskTemplates.values()) if (t.raisedWhen) add(t.id, false);
  return new Set([...raisedBy].filter(([, flags]) => flags.every(Boolean)).map(([id]) => id));
}

/**
 * One cell per column of each provider in scope for the template's area; a provider without a
 * matrix (the named choice, or a choice the pack has none for) or without a row for the area
 * is one `unknown` cell, shown as such.
 */
export function providerCells(others: OtherProviders, worksheet: WorksheetItems, answers: Answers, area: Area, choiceLabel: (choice: string) => string): ProviderBasis {
  const chosen = (answers[worksheet.scopeQuestion]?.choices ?? []).filter((c) => c !== worksheet.noneChoice);
  return chosen.flatMap((choice): ProviderBasis => {
    const p = others.providers.find((x) => x.scopeChoice === choice);
    if (!p) return [{ provider: choice, name: choiceLabel(choice), owner: 'unknown', basis: 'no-matrix' }];
    const row = p.rows.find((r) => r.area === area);
    const source = others.sources.find((s) => s.id === p.source);
    const cite = source ? `${source.title}, ${source.publisher} (${source.date})` : p.source;
    if (!row) return [{ provider: choice, name: p.name, owner: 'unknown', basis: 'no-matrix', source: cite }];
    return p.columns.map((c) => ({ provider: choice, name: p.name, column: c.label, owner: row.owners[c.id] ?? 'unknown', basis: row.basis, source: cite }));
  });
}

/**
 * The risk owner the cells give: the common owner when the known cells agree, `shared` when
 * they differ, `unknown` when none is known. A cell giving the duty wholly to the other
 * provider cannot be said in Demarc's owner vocabulary (whose provider is Microsoft): the pack
 * check refuses such a template (`providerOwnerProblems`), and it reads `unknown` here.
 */
export function ownerOfCells(cells: ProviderBasis): Risk['owner'] {
  const known = new Set(cells.map((c) => c.owner).filter((o): o is Exclude<Cell, 'unknown'> => o !== 'unknown'));
  if (known.size === 0) return 'unknown';
  if (known.size > 1) return 'shared';
  const only = [...known][0]!;
  return only === 'provider' ? 'unknown' : only;
}

/**
 * Pack rules linking the worksheet, the matrices and the interview: the scope question's
 * choices named exist, each worksheet item's risk is a template of the pack, and no multi-cloud
 * template sits on an area some provider's matrix gives wholly to that provider.
 */
export function providerOwnerProblems(pack: ContentPack): { file: string; path: string; message: string }[] {
  const data = pack.commitments;
  const question = data && pack.questions.get(data.worksheet.scopeQuestion);
  // a pack (or a test's part of one) that never asks the scope question puts no provider in
  // scope: the worksheet and the matrices stay unused, which is not an error
  if (!data || !question) return [];
  const file = 'commitments/provider-worksheet.yaml';
  const problems: { file: string; path: string; message: string }[] = [];
  const choices = new Set(question.choices.map((c) => c.id));
  for (const key of ['noneChoice', 'namedChoice'] as const)
    if (!choices.has(data.worksheet[key])) problems.push({ file, path: key, message: `'${data.worksheet[key]}' is not a choice of ${question.id}` });
  data.otherProviders.providers.forEach((p, i) => {
    if (!choices.has(p.scopeChoice)) problems.push({ file: 'commitments/other-providers.yaml', path: `providers[${i}].scopeChoice`, message: `'${p.scopeChoice}' is not a choice of ${question.id}` });
  });
  data.worksheet.items.forEach((item, i) => {
    if (item.risk && !pack.riskTemplates.has(item.risk)) problems.push({ file, path: `items[${i}].risk`, message: `unknown risk template '${item.risk}'` });
  });
  for (const templateId of otherCloudTemplates(pack, question.id)) {
    const area = pack.riskTemplates.get(templateId)?.area;
    for (const p of data.otherProviders.providers) {
      const row = p.rows.find((r) => r.area === area);
      if (row && Object.values(row.owners).every((o) => o === 'provider'))
        problems.push({ file: 'commitments/other-providers.yaml', path: `providers.${p.id}`, message: `${templateId} is a multi-cloud risk on '${area}', which ${p.name} owns wholly: Demarc cannot name that provider as a risk owner` });
    }
  }
  return problems;
}

/** What a multi-cloud risk takes from the other providers' matrices: owner, cells, and the action that follows. */
export interface ProviderOwnerFields {
  owner: Risk['owner'];
  ownerBasis: Risk['ownerBasis'];
  providerBasis: ProviderBasis;
  action: Risk['action'];
  verification?: string;
}

/**
 * The owner fields for a template the multi-cloud questions raise, or undefined for any other
 * template (or a pack without the other providers' data): Microsoft's matrix then applies.
 */
export function providerOwnerResolver(pack: ContentPack, answers: Answers): (templateId: string, area: Area) => ProviderOwnerFields | undefined {
  const data = pack.commitments;
  if (!data) return () => undefined;
  const scope = pack.questions.get(data.worksheet.scopeQuestion);
  const templates = otherCloudTemplates(pack, data.worksheet.scopeQuestion);
  const label = (choice: string) => scope?.choices.find((c) => c.id === choice)?.label ?? choice;
  return (templateId, area) => {
    if (!templates.has(templateId)) return undefined;
    const providerBasis = providerCells(data.otherProviders, data.worksheet, answers, area, label);
    const owner = ownerOfCells(providerBasis);
    const fields: ProviderOwnerFields = { owner, ownerBasis: [], providerBasis, action: 'remediate' };
    if (owner === 'shared') fields.verification = PROVIDER_VERIFY_TEXT;
    return fields;
  };
}

const CELL_TEXT: Record<Cell, string> = { provider: 'the provider', customer: 'the customer', shared: 'shared', unknown: 'unknown' };

/**
 * Why a multi-cloud risk has its owner, in words citing each provider's matrix cells:
 * "The Amazon Web Services matrix gives “Customer data” to the customer in Infrastructure services
 * (EC2) and Container services (RDS) (source …)". A provider without a matrix says so.
 */
export function providerOwnerText(basis: ProviderBasis, areaLabel: string): string {
  const byProvider = new Map<string, ProviderBasis>();
  for (const cell of basis) byProvider.set(cell.provider, [...(byProvider.get(cell.provider) ?? []), cell]);
  const parts = [...byProvider.values()].map((cells) => {
    const first = cells[0]!;
    if (first.basis === 'no-matrix') return `${first.name}: no sourced responsibility matrix for “${areaLabel}”, so its part is unknown`;
    const byOwner = new Map<Cell, string[]>();
    for (const c of cells) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c.column ?? '']);
    const split = [...byOwner].map(([owner, columns]) => `${CELL_TEXT[owner]} in ${columns.join(', ')}`).join('; ');
    const mapped = cells.some((c) => c.basis === 'judgement') ? ", Demarc's mapping of the provider's text" : '';
    return `The ${first.name} matrix gives “${areaLabel}” to ${split} (${first.source ?? 'source not recorded'}${mapped})`;
  });
  return `${parts.join('. ')}.`;
}

/**
 * What a re-derivation that moves a stored risk's matrix owner says in its history (e.g. a
 * multi-cloud risk derived before it was read on its provider's matrix), or undefined when
 * the owner is unchanged.
 */
export function ownerChangeDetail(fresh: Pick<Risk, 'owner' | 'ownerBasis' | 'providerBasis' | 'area'>, storedOwner: Risk['owner'], areaLabel: string = fresh.area): string | undefined {
  if (fresh.owner === storedOwner) return undefined;
  const basis = fresh.providerBasis?.length
    ? providerOwnerText(fresh.providerBasis, areaLabel)
    : `Microsoft's matrix: ${fresh.ownerBasis.map((b) => `${b.serviceModel} ${b.owner}`).join(', ') || 'same owner in every service model'}.`;
  return `Matrix owner: ${storedOwner} → ${fresh.owner}. ${basis}`;
}

/** An area as the pack's default matrix names its row ("Configurations and settings"), for text a person reads. */
export function areaLabelOf(pack: Pick<ContentPack, 'matrices' | 'header'>, area: string): string {
  const matrix = pack.matrices.get(pack.header.defaultMatrix);
  return matrix?.rows.find((r) => r.id === matrix.areaMap[area as Area])?.label ?? area;
}
