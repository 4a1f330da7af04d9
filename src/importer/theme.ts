// The campaign's theme as the document writes it: a 活动主题 / 宣传主题 heading with the theme on the
// next line (or after its colon), 以“…”为主题, or “…”主题. A fragment quoted as “…”这一主题 is the theme only
// when nothing fuller is given.
import type { Line } from './outline.js';

export interface FoundTheme { title: string; line: number; words: string }

const unquote = (s: string) => s.replace(/^[“"「『]|[”"」』]$/g, '').trim();

/** The theme in a line of its own under a theme heading: quoted, inside 以“…”为主题, or the whole line. */
function themeLine(line: Line): FoundTheme | undefined {
  const quoted = /以?[“"「](.+?)[”"」](?:为(?:活动|宣传)?主题|主题)?/.exec(line.text);
  if (quoted) return { title: quoted[1]!.trim(), line: line.no, words: quoted[0] };
  const t = line.text.replace(/[。；;]$/, '');
  return t.length <= 40 && !/[，,。]/.test(t.replace(/^[“"]|[”"]$/g, '').replace(/[，,]/, '')) ? { title: unquote(t), line: line.no, words: t } : undefined;
}

export function themeOf(themeSection: readonly Line[] | undefined, lines: readonly Line[]): FoundTheme | undefined {
  if (themeSection?.length) {
    for (const line of themeSection) {
      const found = themeLine(line);
      if (found) return found;
    }
  }
  for (const line of lines) {
    const m = /以[“"「](.+?)[”"」]为(?:活动|宣传|年度)?主题/.exec(line.text) ?? /主题(?:是|为)\s*[：:]?\s*[“"「](.+?)[”"」]/.exec(line.text);
    if (m) return { title: m[1]!.trim(), line: line.no, words: m[0] };
  }
  let fragment: FoundTheme | undefined;
  for (const line of lines) {
    for (const m of line.text.matchAll(/[“"「]([^”"」]{4,40})[”"」](这一)?(?:活动|宣传)?主题/g)) {
      const found = { title: m[1]!.trim(), line: line.no, words: m[0] };
      if (!m[2]) return found;
      fragment ??= found;
    }
  }
  return fragment;
}
