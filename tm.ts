import { loadDemo } from './test/unit/core/report/helpers';
import { buildReportModel } from './core/report/model';
const { bundle, pack, template } = loadDemo();
const m = buildReportModel(bundle, pack, template, {});
for (const t of m.themes) { console.log(`\n## ${t.title} — ${t.counts}`); t.services.forEach(s=>console.log('  '+s)); console.log('  ' + t.risks.map(r=>`${r.id}:${r.inherent.levelLabel}/${r.affectedResourceCount}`).join(' ')); }
for (const p of m.plan.phases) { console.log(`\n# ${p.label}: ${p.count} items, ${p.quickWins} quick, ${p.days.min}-${p.days.max} pd`); for (const w of p.workstreams) console.log(`  ${w.title} (${w.items.length}, ${w.days.min}-${w.days.max}): ${w.items.map(i=>i.risk.id+(i.after.length?'<'+i.after.join('+'):'')+(i.pulledForward?'^':'')).join(' ')}`); }
