import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../../core/report/labels';
import { buildReportModel } from '../../../../core/report/model';
import { preflight } from '../../../../core/report/preflight';
import { loadDemo } from './helpers';

/**
 * The demo as a partner would sign it (issue 14): every risk has the action owner and due date
 * the client agreed at the read-out, and every pre-flight item left is accepted with a reason.
 */
describe('the demo pre-flight', () => {
  const { bundle, pack, template } = loadDemo();
  const people = [...(bundle.assessment.engagement?.attendees ?? []), ...bundle.contacts].map((p) => p.name);

  it('is clean: no item open, each acceptance says why, by whom and when', () => {
    const result = preflight({ bundle, pack, template });
    expect(result.openBlockers).toBe(0);
    expect(result.items.filter((i) => !i.accepted).map((i) => i.id)).toEqual([]);
    for (const item of result.items) {
      expect(item.accepted!.reason.length, item.id).toBeGreaterThan(60);
      expect(item.accepted!.by).toBe('Alex Morgan');
      expect(item.accepted!.at).toMatch(/^2026-11-24T/);
      // who confirms it, and by when
      expect(people.some((p) => item.accepted!.reason.includes(p)), item.id).toBe(true);
      expect(item.accepted!.reason, item.id).toMatch(/by 2026-12-04/);
    }
    // only what cannot be fixed by recording: "Don't know" answers and the two answers the IR setup outdates
    expect(new Set(result.items.map((i) => i.kind))).toEqual(new Set(['dont-know', 'contradiction']));
  });

  it('every risk has an attendee as action owner, its workstream lead', () => {
    const model = buildReportModel(bundle, pack, template, {});
    for (const theme of model.themes) {
      const owners = new Set(theme.risks.map((r) => r.actionOwner));
      expect(owners.size, theme.id).toBe(1);
      const [owner] = owners;
      expect(people.some((p) => owner!.startsWith(`${p} (`)), `${theme.id}: ${owner}`).toBe(true);
    }
  });

  it('due dates follow the rating: live issues within the week, the top level within 30 days, none beyond six months', () => {
    const model = buildReportModel(bundle, pack, template, {});
    const actNow = new Set(model.actNow.map((a) => a.riskId));
    const days = (due: string) => daysBetween('2026-11-24', due);
    for (const r of bundle.risks) {
      expect(r.dueDate, r.id).not.toBeNull();
      const d = days(r.dueDate!);
      if (actNow.has(r.id)) expect(d, r.id).toBe(7);
      else if (r.inherentLevel === 'very-high') expect(d, r.id).toBe(30);
      expect(d, r.id).toBeLessThanOrEqual(180);
    }
    // the plan keeps the phases the ratings gave it: no fix lands after one that depends on it
    for (const phase of model.plan.phases) for (const w of phase.workstreams) for (const i of w.items) expect(i.pulledForward, i.risk.id).toBe(false);
  });
});
