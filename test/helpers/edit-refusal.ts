// The edit layer's refusals as tests read them (test/edit-refusals.test.ts, test/edit-mutants.test.ts).
import { expect } from 'vitest';
import { applyEdits, EditError, type EditOp } from '../../src/edit/apply.js';

/** The reason and message of the error the edits are refused with (none: the text they make). */
export function refusal(text: string, ops: EditOp[]): { reason: string; message: string } | string {
  try {
    return applyEdits(text, ops);
  } catch (err) {
    expect(err).toBeInstanceOf(EditError);
    return { reason: (err as EditError).reason, message: (err as Error).message };
  }
}
