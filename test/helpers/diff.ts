// The lines a change removed and added, for asserting that an edit touched exactly what it meant to.
import { diffLines } from 'diff';

export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\r?\n$/, '').split(/\r?\n/);
    if (part.added) added.push(...lines);
    else if (part.removed) removed.push(...lines);
  }
  return { removed, added };
}
