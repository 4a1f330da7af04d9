// Finding a plan's unit by what a person wrote: its id, its name, one of its aliases, or another
// common name for the same kind of unit (工商所 for a unit named 市场所).
import { canonicalUnitName } from '../data/units.js';
import type { Plan, Unit } from './types.js';

export function unitByWord(plan: Plan, word: string): Unit | undefined {
  const canonical = canonicalUnitName(word);
  return (
    plan.units.find((u) => u.id === word) ??
    plan.units.find((u) => u.name === word || u.aliases.includes(word)) ??
    plan.units.find((u) => [u.name, ...u.aliases].some((n) => canonicalUnitName(n) === canonical))
  );
}
