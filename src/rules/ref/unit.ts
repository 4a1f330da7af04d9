import { defineRule } from '../types.js';
import type { Plan } from '../../model/types.js';
import { nearest } from '../../model/nearest.js';
import { unitByWord } from '../../model/units.js';
import type { Path } from '../../source/path.js';

/** Every place the plan names a unit by id. */
export function unitRefs(plan: Plan): { path: Path; id: string }[] {
  const refs: { path: Path; id: string }[] = [];
  for (const t of plan.allTasks) {
    t.lead.forEach((id, i) => { refs.push({ path: [...t.path, 'lead', i], id }); });
    t.support.forEach((id, i) => { refs.push({ path: [...t.path, 'support', i], id }); });
    for (const u of t.updates) if (u.by !== undefined) refs.push({ path: [...u.path, 'by'], id: u.by });
  }
  for (const r of plan.reports) if (r.to !== undefined) refs.push({ path: [...r.path, 'to'], id: r.to });
  return refs;
}

const rule = defineRule({
  id: 'ref/unit',
  severity: 'error',
  stage: 'plan',
  description: { en: 'A reference to a unit that is not defined under `units`', zh: '引用了 units 中未定义的单位' },
  messages: { unknown: { id: '派出所', suggestion: 'police' as string | undefined, suggestionName: '派出所' as string | undefined } },
  check(plan, ctx) {
    const ids = new Set(plan.units.map((u) => u.id));
    // Stryker disable next-line ArrowFunction,LogicalOperator: a known that never holds only skips the shortcut below; the full check finds the same
    const known = (id: string | undefined) => id === undefined || ids.has(id);
    // The common case, every reference known, without building a path for each.
    if (plan.allTasks.every((t) => t.lead.every(known) && t.support.every(known) && t.updates.every((u) => known(u.by))) && plan.reports.every((r) => known(r.to))) return;
    for (const ref of unitRefs(plan)) {
      if (ids.has(ref.id)) continue;
      // Clerks often write the unit's name (or another name for it) where its id belongs: point them at the id.
      const named = unitByWord(plan, ref.id);
      const id = named?.id ?? nearest(ref.id, [...ids]);
      const unit = plan.units.find((u) => u.id === id);
      ctx.report({ path: ref.path, messageId: 'unknown', data: { id: ref.id, suggestion: unit?.id, suggestionName: unit?.name } });
    }
  },
});
export default rule;
