import { defineRule } from '../types.js';
import type { Task } from '../../model/types.js';

const NUMBER = /^\d+(\.\d+)*$/;

/** Up to this many missing numbers are named one by one; more are a range. */
const MAX_LISTED = 3n;

const rule = defineRule({
  id: 'numbering/gap',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: "Sibling task numbers skip one, or a subtask's number does not extend its parent's",
    zh: '同级任务编号跳号，或子任务编号未延续上级编号',
  },
  messages: {
    gap: { id: '2.3', missing: ['2.2'], previous: '2.1' as string | undefined },
    range: { id: '2.99999', from: '2.2', to: '2.99998', count: '99997', previous: '2.1' as string | undefined },
    order: { id: '2.2', previous: '2.3' },
    parent: { id: '3.1', parent: '2', expected: '2.1' },
    top: { id: '1.1', expected: '1' },
  },
  check(plan, ctx) {
    const checkSiblings = (siblings: Task[], parent: Task | undefined) => {
      const prefix = parent ? `${parent.id}.` : '';
      if (parent && !NUMBER.test(parent.id)) return;
      // Numbers as written can be any length: compared exactly (BigInt), and a gap is a range, never listed item by item.
      let previous = 0n;
      let unknown = false; // a sibling whose number could not be read (a schema error): no gap is provable across it
      for (const t of siblings) {
        if (!NUMBER.test(t.id)) {
          unknown = true;
          continue;
        }
        // Its own number, after the parent's and a point (a subtask of 2 is 2.1, not 2.1.1 or 3.1).
        const own = t.id.slice(prefix.length);
        if (!t.id.startsWith(prefix) || own.includes('.')) {
          const expected = `${prefix}${previous + 1n}`;
          if (parent) ctx.report({ path: [...t.path, 'id'], messageId: 'parent', data: { id: t.id, parent: parent.id, expected } });
          else ctx.report({ path: [...t.path, 'id'], messageId: 'top', data: { id: t.id, expected } });
          continue;
        }
        const n = BigInt(own);
        const before = () => (previous ? `${prefix}${previous}` : undefined);
        if (unknown) {
          unknown = false;
        } else if (n - previous - 1n > MAX_LISTED) {
          const data = { id: t.id, from: `${prefix}${previous + 1n}`, to: `${prefix}${n - 1n}`, count: String(n - previous - 1n), previous: before() };
          ctx.report({ path: [...t.path, 'id'], messageId: 'range', data });
        } else if (n > previous + 1n) {
          const missing: string[] = [];
          for (let k = previous + 1n; k < n; k++) missing.push(`${prefix}${k}`);
          ctx.report({ path: [...t.path, 'id'], messageId: 'gap', data: { id: t.id, missing, previous: before() } });
        } else if (n < previous) {
          ctx.report({ path: [...t.path, 'id'], messageId: 'order', data: { id: t.id, previous: `${prefix}${previous}` } });
        }
        if (n > previous) previous = n;
      }
    };
    checkSiblings(plan.tasks, undefined);
    for (const t of plan.allTasks) if (t.tasks.length) checkSiblings(t.tasks, t);
  },
});
export default rule;
