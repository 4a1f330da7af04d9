// Picks the known name closest to a mistyped one, for "did you mean …?" hints.
import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `word`: a case-insensitive exact match first, then a candidate the word
 * contains or is contained in ("dueDate" → "due"), then the smallest edit distance. Undefined
 * when nothing is reasonably close.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const w = word.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === w);
  if (exact) return exact;
  const contained = candidates
    .filter((c) => c.length >= 2 && (w.includes(c.toLowerCase()) || c.toLowerCase().includes(w)))
    .sort((a, b) => b.length - a.length)[0];
  if (contained) return contained;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.ceil(w.length / 2)) ? best : undefined;
}
