// How deep “” nest in a text, for tests that check messages and agenda lines never write “ inside “.

/** 1 for “…”, 2 for “…“…”…”, which Chinese (and English) usage never writes. */
export function quoteDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '“') deepest = Math.max(deepest, ++depth);
    else if (c === '”') depth--;
  }
  return deepest;
}
