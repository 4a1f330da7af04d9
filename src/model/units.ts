// Finding a plan's unit by what a person wrote: its id, its name, one of its aliases, or another
// common name for the same kind of unit (工商所 for a unit named 市场所).
import { canonicalUnitName } from '../data/units.js';
import type { Plan, Unit } from './types.js';

export const unitByWord = (plan: Pick<Plan, 'units'>, word: string): Unit | undefined => unitIn(plan.units, word);

function unitIn(units: readonly Unit[], word: string): Unit | undefined {
  const canonical = canonicalUnitName(word);
  return (
    units.find((u) => u.id === word) ??
    units.find((u) => u.name === word || u.aliases.includes(word)) ??
    units.find((u) => [u.name, ...u.aliases].some((n) => canonicalUnitName(n) === canonical))
  );
}

/** The unit the plan's contact (填报单位) names, when it names one of its units. */
export const contactUnit = (plan: Pick<Plan, 'units' | 'contact'>): Unit | undefined => (plan.contact.unit ? unitByWord(plan, plan.contact.unit) : undefined);

/** The id of the unit a word names, or the word itself when it names none. */
export type UnitOf = <W extends string | undefined>(word: W) => W;

export function unitResolver(units: readonly Unit[]): UnitOf {
  const ids = new Set(units.map((u) => u.id));
  const memo = new Map<string, string>();
  return (<W extends string | undefined>(word: W): W => {
    if (word === undefined || ids.has(word)) return word;
    let id = memo.get(word);
    if (id === undefined) {
      id = unitIn(units, word)?.id ?? word;
      memo.set(word, id);
    }
    return id as W;
  }) as UnitOf;
}
