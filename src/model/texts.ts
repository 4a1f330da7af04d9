// Every free-text field of a plan with its path: what the text rules (weekday, repeated words…) read.
import type { Path, Plan } from './types.js';

export interface TextField { path: Path; text: string }

export function textFields(plan: Plan): TextField[] {
  const out: TextField[] = [];
  const add = (path: Path, text: string | undefined) => { if (text) out.push({ path, text }); };
  add(['title'], plan.title);
  plan.basis.forEach((b, i) => add(['basis', i], b));
  add(['guidance'], plan.guidance);
  for (const t of plan.themes) {
    add([...t.path, 'title'], t.title);
    t.focus.forEach((f, i) => add([...t.path, 'focus', i], f));
  }
  for (const t of plan.allTasks) {
    add([...t.path, 'title'], t.title);
    add([...t.path, 'text'], t.text);
    for (const u of t.updates) {
      add([...u.path, 'note'], u.note);
      add([...u.path, 'problems'], u.problems);
      add([...u.path, 'next'], u.next);
    }
  }
  for (const r of plan.requirements) {
    add([...r.path, 'title'], r.title);
    add([...r.path, 'text'], r.text);
  }
  for (const r of plan.reports) add([...r.path, 'title'], r.title);
  return out;
}
