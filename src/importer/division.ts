// A 任务分工表 sent with the plan (its 附件2, or a spreadsheet beside it): each row names a task of the plan
// by its number or its words, with the units and the time limit. The rows are matched to the plan's tasks —
// by their words first (the share of two-character runs they have in common), then, when the table has one
// row per task, by order — and a matched task takes the row's units, and its time limit when the row gives
// one. Rows that match no task are returned, for the caller to keep. Pure.
import type { DraftTask } from './tasks.js';

/** The leaves of a task tree, in document order. */
export function leavesOf(tasks: readonly DraftTask[], out: DraftTask[] = []): DraftTask[] {
  for (const t of tasks) {
    if (t.tasks.length) leavesOf(t.tasks, out);
    else out.push(t);
  }
  return out;
}

const bigrams = (s: string): Set<string> => {
  const t = s.replace(/[\s，,。；;：:、“”"（）()《》\d]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};

/** How alike two texts are: the two-character runs they share over all they have (Dice), or 1 when one holds the other. */
export function likeness(a: string, b: string): number {
  const sa = a.replace(/[\s，,。；;：:、“”"（）()《》]/g, '');
  const sb = b.replace(/[\s，,。；;：:、“”"（）()《》]/g, '');
  if (sa.length >= 4 && sb.length >= 4 && (sa.includes(sb) || sb.includes(sa))) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** Enough in common to be the same task. */
const SAME = 0.5;

/** Matches the table's rows to the plan's leaves and merges them in; the rows no leaf took. */
export function mergeDivision(tasks: readonly DraftTask[], rows: readonly DraftTask[]): DraftTask[] {
  const leaves = leavesOf(tasks);
  const taken = new Map<DraftTask, DraftTask>();
  const pairs: { row: DraftTask; leaf: DraftTask; score: number }[] = [];
  for (const row of rows) {
    for (const leaf of leaves) {
      const score = Math.max(likeness(row.title, leaf.title), likeness(row.title, `${leaf.title}${leaf.text ?? ''}`.slice(0, row.title.length + 8)));
      if (score >= SAME) pairs.push({ row, leaf, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const used = new Set<DraftTask>();
  for (const p of pairs) {
    if (taken.has(p.row) || used.has(p.leaf)) continue;
    taken.set(p.row, p.leaf);
    used.add(p.leaf);
  }
  // One row per task and the words did not decide: by order.
  if (rows.length === leaves.length) {
    rows.forEach((row, i) => {
      if (!taken.has(row) && !used.has(leaves[i]!)) {
        taken.set(row, leaves[i]!);
        used.add(leaves[i]!);
      }
    });
  }
  for (const [row, leaf] of taken) {
    if (row.lead.length || row.support.length) {
      leaf.lead = row.lead;
      leaf.support = row.support;
      leaf.roleNote = `按任务分工表：${row.roleNote ?? ''}`;
    }
    if (row.due !== undefined && row.due !== null) {
      leaf.due = row.due;
      if (row.start) leaf.start = row.start;
      else delete leaf.start;
      leaf.dueNote = `按任务分工表：${row.dueNote ?? ''}`;
    }
  }
  return rows.filter((r) => !taken.has(r));
}
