import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPackDir, readPackFiles, repoRoot } from '../../../../node/read-pack-files';
import { migrateRetiredRisks, migrateRetiredTemplates } from '../../../../core/bundle/migrate-templates';
import { parseBundle, type AssessmentBundle } from '../../../../core/bundle/schema';
import { loadPack } from '../../../../core/content/loader';
import type { ContentPack } from '../../../../core/content/types';
import type { Risk } from '../../../../core/risks/schema';

// The demo bundle as shipped with pack 1.0.0, before templates were merged (one risk per weakness).
const fixture = join(repoRoot, 'test/fixtures/bundles/contoso-demo-v1-before-merge.demarc.json');
const AT = '2026-12-02T10:00:00.000Z';

let pack: ContentPack;
let before: AssessmentBundle;
let after: AssessmentBundle;
let notes: string[];
const byId = (b: AssessmentBundle, id: string): Risk | undefined => b.risks.find((r) => r.id === id || r.formerIds?.includes(id));

beforeAll(() => {
  const loaded = loadPack(readPackFiles(defaultPackDir));
  expect(loaded.errors).toEqual([]);
  pack = loaded.pack;
  const parsed = parseBundle(JSON.parse(readFileSync(fixture, 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  before = parsed.bundle;
  ({ bundle: after, notes } = migrateRetiredTemplates(before, pack, AT));
});

describe('importing a bundle made before templates were merged', () => {
  it('still parses, and leaves no risk under a retired or unknown template', () => {
    expect(before.risks.some((r) => pack.templateMigrations.has(r.templateId))).toBe(true);
    expect(parseBundle(JSON.parse(JSON.stringify(after))).ok).toBe(true);
    for (const r of after.risks) expect(pack.riskTemplates.has(r.templateId), `${r.id} ${r.templateId}`).toBe(true);
    expect(new Set(after.risks.map((r) => r.templateId)).size).toBe(after.risks.length);
  });

  it.each([
    ['R-003', 'R-004'], // NET-02 / NW-01: RDP or SSH from the Internet
    ['R-007', 'R-044'], // DEF-04 / DF-01
    ['R-021', 'R-022'], // VM-06 / WKL-01
    ['R-024', 'R-037'], // BKP-01 / VM-05
    ['R-058', 'R-095'], // LOG-08 / MO-01
    ['R-101', 'R-102'], // MO-02 / SLA-08 (opposite owners before)
    ['R-109', 'R-116'], // NET-08 / NW-06
    ['R-096', 'R-098'], // NET-09 / NW-04
    ['R-019', 'R-056'], // key authentication
    ['R-029', 'R-066', 'R-117'], // public endpoints and private link
    ['R-083', 'R-113'], // data in transit
    ['R-018', 'R-097'], // VM public IPs / Internet exposure
    ['R-002', 'R-009'], // untriaged alerts / open high-severity alerts
  ])('%s and %s become one risk that keeps the lowest id and records the others', (...ids) => {
    const survivors = new Set(ids.map((id) => byId(after, id)));
    expect(survivors.size).toBe(1);
    const [risk] = [...survivors];
    expect(risk!.id).toBe(ids[0]);
    expect(risk!.formerIds).toEqual(ids.slice(1));
    for (const id of ids.slice(1)) expect(after.risks.some((r) => r.id === id)).toBe(false);
  });

  it('unions the evidence of the merged risks', () => {
    const r = byId(after, 'R-003')!;
    const sources = [before.risks.find((x) => x.id === 'R-003')!, before.risks.find((x) => x.id === 'R-004')!];
    expect(r.evidence.answers.map((a) => a.questionId).sort()).toEqual(sources.flatMap((s) => s.evidence.answers.map((a) => a.questionId)).sort());
    expect(r.evidence.findings.length).toBe(sources.reduce((n, s) => n + s.evidence.findings.length, 0));
    expect(r.evidence.affectedResources).toEqual([...new Set(sources.flatMap((s) => s.evidence.affectedResources))].sort());
    expect(r.templateId).toBe('RT-NW-MGMT-EXPOSED');
    expect(r.history.at(-1)).toMatchObject({ at: AT, action: 'template-migrated', detail: expect.stringContaining('R-004 merged into this risk') });
  });

  it("keeps the consultant's decisions and history", () => {
    // R-001 was not touched by the migration; its treatment and history stay as they were
    expect(byId(after, 'R-001')).toEqual(before.risks.find((r) => r.id === 'R-001'));
    // every risk of the old bundle is still there, or named by the risk it merged into
    const formerIds = after.risks.flatMap((r) => r.formerIds ?? []);
    expect(after.risks.length + formerIds.length).toBe(before.risks.length);
    expect(new Set([...after.risks.map((r) => r.id), ...formerIds])).toEqual(new Set(before.risks.map((r) => r.id)));
    expect(notes.length).toBeGreaterThan(0);
  });

  it('moves a split template\'s evidence to the risk its check now raises (ID-01 findings to the Owner risk)', () => {
    const owners = byId(after, 'R-030')!;
    const roles = byId(after, 'R-026')!;
    expect(roles.templateId).toBe('RT-PAM-OVERPRIVILEGED-ROLES');
    expect(roles.evidence.findings.map((f) => f.checkId)).not.toContain('ID-01');
    expect(owners.templateId).toBe('RT-PAM-EXCESS-AZURE-OWNERS');
    expect(owners.evidence.findings.map((f) => f.checkId)).toContain('ID-01');
    expect(owners.evidence.affectedResources.length).toBeGreaterThan(0);
  });

  it('gives the merged Service Health risk the customer as owner (customer governance)', () => {
    const r = byId(after, 'R-101')!;
    expect(before.risks.find((x) => x.id === 'R-102')!.owner).toBe('microsoft');
    expect(r).toMatchObject({ templateId: 'RT-PROVIDER-INCIDENT-AWARENESS', area: 'governance', owner: 'customer', action: 'remediate' });
  });

  it('is a no-op on a bundle with no retired template, and does not change its input', () => {
    const copy = JSON.stringify(before);
    migrateRetiredTemplates(before, pack, AT);
    expect(JSON.stringify(before)).toBe(copy);
    const again = migrateRetiredTemplates(after, pack, AT);
    expect(again.bundle).toBe(after);
    expect(again.notes).toEqual([]);
  });
});

describe('merging edited risks', () => {
  const edit = (r: Risk, who: string, treatment: Risk['treatment']): Risk => ({
    ...r,
    treatment,
    actionOwner: who,
    history: [{ at: '2026-11-20T09:00:00.000Z', action: 'treatment', detail: `Treatment: — → ${treatment}`, by: who }],
  });
  const pair = (survivorEdited: boolean, otherEdited: boolean): Risk => {
    const risks = before.risks.map((r) => {
      if (r.id === 'R-003' && survivorEdited) return edit(r, 'Ann', 'mitigate');
      if (r.id === 'R-004' && otherEdited) return edit(r, 'Bob', 'accept');
      return r;
    });
    return byId(migrateRetiredTemplates({ ...before, risks }, pack, AT).bundle, 'R-003')!;
  };

  it("keeps the surviving risk's decisions when both were edited, and adds the other's history after a note", () => {
    const r = pair(true, true);
    expect(r).toMatchObject({ treatment: 'mitigate', actionOwner: 'Ann' });
    expect(r.history.map((h) => h.action)).toEqual(['treatment', 'merged-history', 'treatment', 'template-migrated']);
    expect(r.history[1]!.detail).toMatch(/from R-004 .*this risk's own decisions were kept/);
    expect(r.history[2]).toMatchObject({ by: 'Bob' });
  });

  it("takes the absorbed risk's decisions when only it was edited", () => {
    const r = pair(false, true);
    expect(r).toMatchObject({ id: 'R-003', treatment: 'accept', actionOwner: 'Bob' });
    expect(r.history[0]!.detail).toMatch(/from R-004 .*its decisions are kept here/);
  });
});

describe('migrating a stored risk list (the app database, not a bundle)', () => {
  type Stored = Risk & { assessmentId: string; notes: string };
  const stored = (): Stored[] => before.risks.map((r) => ({ ...r, assessmentId: 'a-1', notes: r.id === 'R-004' ? 'Checked with the network team.' : '' }));

  it('gives the same risks as the bundle path, and keeps each survivor\'s own extra fields', () => {
    const input = stored();
    const { risks, notes: lines } = migrateRetiredRisks(input, before.assessment.matrixId, pack, AT);
    expect(lines).toEqual(notes);
    expect(risks.map(({ assessmentId: _a, notes: _n, ...r }) => r)).toEqual(after.risks);
    expect(risks.every((r) => r.assessmentId === 'a-1')).toBe(true);
    // the absorbed risk's own fields are not the survivor's: the caller decides what to do with them
    expect(risks.find((r) => r.id === 'R-003')).toMatchObject({ formerIds: ['R-004'], notes: '' });
    expect(JSON.stringify(input)).toBe(JSON.stringify(stored()));
  });

  it('returns the very list it was given when no risk is under a retired template', () => {
    const migrated = migrateRetiredRisks(stored(), before.assessment.matrixId, pack, AT).risks;
    const again = migrateRetiredRisks(migrated, before.assessment.matrixId, pack, AT);
    expect(again.risks).toBe(migrated);
    expect(again.notes).toEqual([]);
  });
});
