// Every free-text field of a plan with its path: what the text rules (weekday, repeated words…) read.
import type { Plan, Task } from './types.js';
import type { Path } from '../source/path.js';

export interface TextField { readonly path: Path; text: string; /** The task the text belongs to, if any. */ task?: Task }

/** Where a text's path starts: a path, or a task or an update, whose path is put together when asked for. */
type Base = Path | { readonly path: Path };

/** A text and where it is; the path is put together only when a rule reports on the text. */
class Field implements TextField {
  constructor(readonly text: string, private readonly base: Base, private readonly key: string, private readonly index: number, readonly task?: Task) {}
  get path(): Path {
    const base = Array.isArray(this.base) ? (this.base as Path) : (this.base as { readonly path: Path }).path;
    return this.index < 0 ? [...base, this.key] : [...base, this.key, this.index];
  }
}

const cache = new WeakMap<Plan, TextField[]>();

/** Every text of the plan (computed once per plan: several rules read them). */
export function textFields(plan: Plan): TextField[] {
  let fields = cache.get(plan);
  if (!fields) {
    fields = collect(plan);
    cache.set(plan, fields);
  }
  return fields;
}

function collect(plan: Plan): TextField[] {
  const out: TextField[] = [];
  let task: Task | undefined;
  const ROOT: Path = [];
  const add = (base: Base, text: string | undefined, key: string, index = -1) => { if (text) out.push(new Field(text, base, key, index, task)); };
  add(ROOT, plan.title, 'title');
  plan.basis.forEach((b, i) => { add(ROOT, b, 'basis', i); });
  add(ROOT, plan.preamble, 'preamble');
  add(ROOT, plan.guidance, 'guidance');
  for (const t of plan.themes) {
    add(t.path, t.title, 'title');
    t.focus.forEach((f, i) => { add(t.path, f, 'focus', i); });
  }
  for (const t of plan.allTasks) {
    task = t;
    add(t, t.title, 'title');
    add(t, t.text, 'text');
    for (const u of t.updates) {
      add(u, u.note, 'note');
      add(u, u.problems, 'problems');
      add(u, u.next, 'next');
    }
  }
  task = undefined;
  for (const r of plan.requirements) {
    add(r.path, r.title, 'title');
    add(r.path, r.text, 'text');
  }
  for (const r of plan.reports) add(r.path, r.title, 'title');
  return out;
}
