// Writes a draft plan as YAML for a person to check: the plan's fields in the usual order, with a
// comment wherever a value was guessed, pointing back to the document's line.
import { flowText, scalarText } from '../edit/scalar.js';
import type { DraftPlan, DraftTask } from './extract.js';

const s = (v: string) => scalarText(v, false);
const comment = (note: string | undefined) => (note ? `   # ${note}` : '');

function task(t: DraftTask, indent: string, out: string[]) {
  out.push(`${indent}- id: ${JSON.stringify(t.id)}${comment(t.note ?? `原文第${t.line}行`)}`);
  const i = `${indent}  `;
  out.push(`${i}title: ${s(t.title)}`);
  if (t.text) out.push(`${i}text: ${s(t.text)}`);
  if (t.lead.length) out.push(`${i}lead: ${flowText(t.lead)}${comment(`按原文第${t.leadLine}行点名的单位推定`)}`);
  if (t.tasks.length) {
    out.push(`${i}tasks:`);
    for (const c of t.tasks) task(c, `${i}  `, out);
  }
}

export function renderDraft(d: DraftPlan, schemaPath: string, source: string): string {
  const out: string[] = [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# 由 campaign import 从 ${source} 生成。带“原文第N行”注释的内容是推定的，请对照原文核对，然后运行 campaign validate。`,
    'version: 1',
    `title: ${s(d.title.value)}${comment(d.title.line ? `原文第${d.title.line}行` : undefined)}`,
    `organizer: ${s(d.organizer.value)}${comment(d.organizer.note)}`,
    `year: ${d.year.value}${comment(d.year.note)}`,
    `basis: ${flowText(d.basis.value)}${comment(d.basis.line ? `原文第${d.basis.line}行` : undefined)}`,
  ];
  if (d.guidance) out.push(`guidance: ${s(d.guidance.value)}${comment(`原文第${d.guidance.line}行`)}`);
  if (d.themes.length) {
    out.push('themes:');
    for (const t of d.themes) {
      out.push(`  - id: ${t.id}${comment(`原文第${t.line}行：以“${t.title}”为主题`)}`);
      out.push(`    title: ${s(t.title)}`);
      if (t.focus.length) out.push(`    focus: ${flowText(t.focus)}`);
    }
  }
  out.push(`period: {start: ${d.period.value.start}, end: ${d.period.value.end}}${comment(d.period.note)}`);
  out.push('units:');
  if (d.units.length === 0) out.push('  - {id: office, name: 办公室}   # 原文未点名责任单位，请填写');
  for (const u of d.units) out.push(`  - ${flowText({ id: u.id, name: u.name, ...(u.external ? { external: true } : {}) })}${comment(u.note)}`);
  if (d.tasks.length) {
    out.push('tasks:');
    for (const t of d.tasks) task(t, '  ', out);
  } else {
    out.push('tasks: []   # 原文中未找到编号的任务，请填写');
  }
  if (d.requirements.length) {
    out.push('requirements:');
    for (const r of d.requirements) {
      out.push(`  - id: ${r.id}${comment(`原文第${r.line}行`)}`);
      out.push(`    title: ${s(r.title)}`);
      if (r.text) out.push(`    text: ${s(r.text)}`);
    }
  }
  if (d.reports.length) {
    out.push('reports:');
    for (const r of d.reports) {
      out.push(`  - ${flowText({ id: r.id, title: r.title, ...(r.to ? { to: r.to } : {}), ...(r.due ? { due: r.due } : {}) })}${comment(r.note)}`);
    }
  }
  return out.join('\n') + '\n';
}
