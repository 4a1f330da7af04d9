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

const PUNCTUATION = /[\s，,。；;：:、“”"（）()《》]/g;

/** A text as likeness compares it: without punctuation, and its two-character runs (digits dropped too). */
interface Shingled { plain: string; bigrams: Set<string> }

function shingled(s: string): Shingled {
  const plain = s.replace(PUNCTUATION, '');
  const t = plain.replace(/\d/g, '');
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) bigrams.add(t.slice(i, i + 2));
  return { plain, bigrams };
}

/** How alike two texts are: the two-character runs they share over all they have (Dice), or 1 when one holds the other. */
function alike(a: Shingled, b: Shingled): number {
  if (a.plain.length >= 4 && b.plain.length >= 4 && (a.plain.includes(b.plain) || b.plain.includes(a.plain))) return 1;
  if (a.bigrams.size === 0 || b.bigrams.size === 0) return 0;
  let common = 0;
  for (const g of a.bigrams) if (b.bigrams.has(g)) common++;
  return (2 * common) / (a.bigrams.size + b.bigrams.size);
}

/** Enough in common to be the same task. */
const SAME = 0.5;

/**
 * The most row-and-task pairs compared by their words (a thousand rows against a thousand tasks): every row is
 * compared with every task, and a 分工表 of 19,000 rows against a plan of 1,000 tasks took minutes. Past it,
 * rows are matched by order only.
 */
export const DIVISION_PAIRS = 1_000_000;

/** Matches the table's rows to the plan's leaves and merges them in; the rows no leaf took. */
export function mergeDivision(tasks: readonly DraftTask[], rows: readonly DraftTask[]): DraftTask[] {
  const leaves = leavesOf(tasks);
  const taken = new Map<DraftTask, DraftTask>();
  const pairs: { row: DraftTask; leaf: DraftTask; score: number }[] = [];
  if (rows.length * leaves.length <= DIVISION_PAIRS) {
    // Each text shingled once: a leaf's title, and the start of its title and text as long as a row's title.
    const titles = leaves.map((l) => shingled(l.title));
    const starts = leaves.map(() => new Map<number, Shingled>());
    for (const row of rows) {
      const title = shingled(row.title);
      const length = row.title.length + 8;
      leaves.forEach((leaf, i) => {
        let start = starts[i]!.get(length);
        if (!start) {
          start = shingled(`${leaf.title}${leaf.text ?? ''}`.slice(0, length));
          starts[i]!.set(length, start);
        }
        const score = Math.max(alike(title, titles[i]!), alike(title, start));
        if (score >= SAME) pairs.push({ row, leaf, score });
      });
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
