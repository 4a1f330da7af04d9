// Plain text to paste into a chat or a text message: a document's paragraphs, a line each, a blank line
// between sections; a table, should a document have one, as lines of cells. No markup, no alignment — a
// WeChat group or an SMS shows it as written. Control characters in plan text are shown escaped, as on
// a terminal, so a pasted message holds nothing invisible.
import type { Lang } from '../messages/types.js';
import type { Doc, Section } from './doc.js';
import { cellText } from './cells.js';
import type { Renderer } from './types.js';
import { visible } from '../text/visible.js';

function section(s: Section, lang: Lang): string[] {
  const lines: string[] = [];
  if (s.heading) lines.push(s.heading);
  lines.push(...(s.paragraphs ?? []));
  if (s.table) {
    const { columns, rows } = s.table;
    const sep = lang === 'zh' ? '：' : ': ';
    const comma = lang === 'zh' ? '，' : ', ';
    // A row as "label: value" pairs: readable without columns lining up.
    for (const r of rows) {
      lines.push(r.map((v, i) => [columns[i]!.label, cellText(v, columns[i]!.kind, lang)] as const).filter(([, t]) => t !== '').map(([k, t]) => `${k}${sep}${t}`).join(comma));
    }
  }
  return lines;
}

function text(doc: Doc, lang: Lang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  const head = [...(doc.title ? [doc.title] : []), ...doc.meta.map(([k, v]) => `${k}${sep}${v}`), ...(doc.notes ?? [])];
  const blocks = [head, ...doc.sections.map((s) => section(s, lang))].filter((b) => b.length > 0);
  return blocks.map((b) => b.join('\n')).join('\n\n');
}

const render: Renderer = ({ docs }, { lang }) => `${docs.map((d) => visible(text(d, lang))).join('\n\n\n')}\n`;
export default render;
