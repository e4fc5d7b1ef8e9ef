import { describe, expect, it } from 'vitest';
import { buildReportModel, type PlanItem, type ReportModel } from '../../../../core/report/model';
import { QUICK_WIN_DAYS } from '../../../../core/report/model-builders/roadmap-plan';
import { itemLine, workstreamCell } from '../../../../core/report/render/roadmap-plan';
import { loadDemo, riskIdOf } from './helpers';

const { bundle, pack, template } = loadDemo();
const model = buildReportModel(bundle, pack, template, {});
const levelOrder = new Map(model.levels.map((l) => [l.id, l.order]));
const themeOfRisk = (m: ReportModel): Map<string, string> => new Map(m.themes.flatMap((t) => t.risks.map((r) => [r.id, t.id] as const)));
const planItems = (m: ReportModel): PlanItem[] => m.plan.phases.flatMap((p) => p.workstreams.flatMap((w) => w.items));

describe('themes in the report model', () => {
  it('puts every risk in exactly one theme, in the pack’s theme order', () => {
    const ids = model.themes.flatMap((t) => t.risks.map((r) => r.id));
    expect(ids.length).toBe(bundle.risks.length);
    expect(new Set(ids).size).toBe(bundle.risks.length);
    const packOrder = pack.themes!.themes.map((t) => t.id);
    expect(model.themes.map((t) => t.id)).toEqual(packOrder.filter((id) => model.themes.some((t) => t.id === id)));
    expect(model.themes.length).toBeGreaterThanOrEqual(6);
  });

  it('assigns by template: explicit listing first, then category and area', () => {
    const byTemplate = new Map(model.themes.flatMap((t) => t.risks.map((r) => [r.templateId, t.id] as const)));
    expect(byTemplate.get('RT-LOCAL-AUTH')).toBe('data-protection'); // category identity, listed under data protection
    expect(byTemplate.get('RT-IDN-USER-MFA')).toBe('sign-in');
    expect(byTemplate.get('RT-NW-MGMT-EXPOSED')).toBe('internet-exposure');
  });

  it('is stable: the same themes whatever the order of the register', () => {
    const reversed = buildReportModel({ ...bundle, risks: [...bundle.risks].reverse() }, pack, template, {});
    expect(themeOfRisk(reversed)).toEqual(themeOfRisk(model));
    expect(reversed.themes.map((t) => t.risks.map((r) => r.id))).toEqual(model.themes.map((t) => t.risks.map((r) => r.id)));
  });

  it('orders each theme by current rating, then affected resources, then id — not by lowest id', () => {
    for (const t of model.themes) {
      for (let i = 1; i < t.risks.length; i++) {
        const [a, b] = [t.risks[i - 1]!, t.risks[i]!];
        const key = (r: typeof a) => [levelOrder.get(r.inherent.level)!, r.inherent.likelihood * r.inherent.impact, r.affectedResourceCount];
        const [ka, kb] = [key(a), key(b)];
        const cmp = ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
        expect(cmp > 0 || (cmp === 0 && a.id < b.id), `${t.id}: ${a.id} before ${b.id}`).toBe(true);
      }
    }
    // in the demo, public PaaS endpoints (16 resources) lead their theme ahead of open management ports (3) at the same rating
    const exposure = model.themes.find((t) => t.id === 'internet-exposure')!;
    const [paas, mgmt] = [riskIdOf(bundle, 'RT-PAAS-PUBLIC-NETWORK'), riskIdOf(bundle, 'RT-NW-MGMT-EXPOSED')];
    expect(mgmt < paas).toBe(true); // the lower id comes second
    expect(exposure.risks.slice(0, 2).map((r) => r.id)).toEqual([paas, mgmt]);
  });

  it('speaks of the client’s business services only where the inventory ties a risk to them', () => {
    const backup = model.themes.find((t) => t.id === 'resilience')!;
    const noBackup = riskIdOf(bundle, 'RT-VM-NO-BACKUP');
    expect(backup.services.join(' ')).toMatch(new RegExp(`^For the LIMS, this theme concerns \\d+ virtual machines( and \\d+ application gateway)? \\(${noBackup}( and R-\\d{3})?\\)\\.$`));
    const none = buildReportModel({ ...bundle, businessServices: [] }, pack, template, {});
    expect(none.themes.every((t) => t.services.length === 0)).toBe(true);
  });

  it('falls back to one theme per category for a pack without themes.yaml', () => {
    const { themes: _omit, ...noThemes } = pack;
    const m = buildReportModel(bundle, noThemes, template, {});
    expect(m.themes.map((t) => t.id)).toContain('identity');
    expect(m.themes.flatMap((t) => t.risks).length).toBe(bundle.risks.length);
  });
});

describe('roadmap plan', () => {
  const items = planItems(model);
  const byId = new Map(items.map((i) => [i.risk.id, i]));
  const rank = { '30': 0, '90': 1, later: 2 } as const;

  it('schedules every risk not accepted once, in three phases with a real beyond-90 phase', () => {
    expect(model.plan.phases.map((p) => p.phase)).toEqual(['30', '90', 'later']);
    expect(items.length + model.plan.accepted.length).toBe(bundle.risks.length);
    expect(new Set(items.map((i) => i.risk.id)).size).toBe(items.length);
    expect(model.plan.phases[2]!.count).toBeGreaterThan(0);
  });

  it('puts the top current rating first and lower or large items beyond 90 days', () => {
    const top = model.levels[model.levels.length - 1]!.id;
    for (const i of items) {
      const raw = bundle.risks.find((r) => r.id === i.risk.id)!;
      if (i.risk.inherent.level === top && !raw.dueDate) expect(i.phase, i.risk.id).toBe('30');
    }
    const eol = items.find((i) => i.risk.templateId === 'RT-WKL-END-OF-LIFE')!;
    expect(eol.days).toEqual({ min: 20, max: 60 }); // the pack's range for this template
    expect(eol.phase).toBe('later');
  });

  it('flags quick wins by person-days and sums each phase', () => {
    for (const i of items) expect(i.quickWin, i.risk.id).toBe(i.days.max <= QUICK_WIN_DAYS);
    expect(items.some((i) => i.quickWin)).toBe(true);
    for (const p of model.plan.phases) {
      const mine = p.workstreams.flatMap((w) => w.items);
      expect(p.days.min).toBe(mine.reduce((s, i) => s + i.days.min, 0));
      expect(p.quickWins).toBe(mine.filter((i) => i.quickWin).length);
    }
  });

  it('never schedules a prerequisite after what depends on it, and lists it first in a shared phase', () => {
    const withDeps = items.filter((i) => i.after.length > 0);
    expect(withDeps.length).toBeGreaterThan(0);
    for (const i of withDeps) {
      for (const id of i.after) {
        const pre = byId.get(id);
        if (!pre) continue;
        expect(rank[pre.phase], `${id} before ${i.risk.id}`).toBeLessThanOrEqual(rank[i.phase]);
        if (pre.phase === i.phase && pre.workstream === i.workstream) {
          const list = model.plan.phases.find((p) => p.phase === i.phase)!.workstreams.find((w) => w.id === i.workstream)!.items;
          expect(list.indexOf(pre)).toBeLessThan(list.indexOf(i));
        }
      }
    }
    // the demo's user MFA risk must precede the risk policies that rely on it
    expect(byId.get(riskIdOf(bundle, 'RT-IDN-NO-RISK-POLICIES'))!.after).toContain(riskIdOf(bundle, 'RT-IDN-USER-MFA'));
  });

  it('names the owner: the action owner, else the suggested role once per workstream, else "Owner to be named"', () => {
    const named = items.find((i) => i.owner)!;
    expect(itemLine(named)).toContain(`owner: ${named.owner}`);
    const ws = model.plan.phases.flatMap((p) => p.workstreams).find((w) => w.items.length > 1)!;
    const unnamed = { ...ws, items: ws.items.map((i) => ({ ...i, owner: '' })) };
    expect(workstreamCell(unnamed)).toContain(`Owner: ${ws.ownerRole} (suggested role)`);
    expect(workstreamCell({ ...unnamed, ownerRole: '' })).toContain('Owner to be named');
    expect(itemLine({ ...ws.items[0]!, owner: '' })).not.toContain('owner');
    // one person for the whole workstream: named once in its cell, not on every fix
    const one = { ...ws, items: ws.items.map((i) => ({ ...i, owner: 'Jo Lead (Platform)' })) };
    expect(workstreamCell(one)).toBe(`${ws.title}\nOwner: Jo Lead (Platform)`);
    // several people: each fix names its own, the cell names none
    const two = { ...one, items: one.items.map((i, n) => (n === 0 ? { ...i, owner: 'Sam Other (Network)' } : i)) };
    expect(workstreamCell(two)).toBe(ws.title);
    expect(itemLine(two.items[0]!)).toContain('owner: Sam Other (Network)');
  });
});
