// Every free-text field of a plan with its path: what the text rules (weekday, repeated words…) read.
import type { Path, Plan, Task } from './types.js';

export interface TextField { path: Path; text: string; /** The task the text belongs to, if any. */ task?: Task }

const cache = new WeakMap<Plan, TextField[]>();

/** Every text of the plan (computed once per plan: several rules read them). */
export function textFields(plan: Plan): TextField[] {
  let fields = cache.get(plan);
  if (!fields) cache.set(plan, (fields = collect(plan)));
  return fields;
}

function collect(plan: Plan): TextField[] {
  const out: TextField[] = [];
  let task: Task | undefined;
  const add = (path: Path, text: string | undefined) => { if (text) out.push({ path, text, task }); };
  add(['title'], plan.title);
  plan.basis.forEach((b, i) => add(['basis', i], b));
  add(['guidance'], plan.guidance);
  for (const t of plan.themes) {
    add([...t.path, 'title'], t.title);
    t.focus.forEach((f, i) => add([...t.path, 'focus', i], f));
  }
  for (const t of plan.allTasks) {
    task = t;
    add([...t.path, 'title'], t.title);
    add([...t.path, 'text'], t.text);
    for (const u of t.updates) {
      add([...u.path, 'note'], u.note);
      add([...u.path, 'problems'], u.problems);
      add([...u.path, 'next'], u.next);
    }
  }
  task = undefined;
  for (const r of plan.requirements) {
    add([...r.path, 'title'], r.title);
    add([...r.path, 'text'], r.text);
  }
  for (const r of plan.reports) add([...r.path, 'title'], r.title);
  return out;
}
