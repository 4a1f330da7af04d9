// Writes a draft plan as YAML for a person to check: the plan's fields in the usual order, with a
// comment wherever a value was guessed, pointing back to the document's line and words.
import { flowText, scalarText } from '../edit/scalar.js';
import type { DraftPlan, DraftTask } from './extract.js';

const s = (v: string) => scalarText(v, false);
const comment = (note: string | undefined) => (note ? `   # ${note.replace(/\n/g, ' ')}` : '');

function task(t: DraftTask, indent: string, out: string[], where: (no: number) => string) {
  out.push(`${indent}- id: ${JSON.stringify(t.id)}${comment(t.note ?? where(t.line))}`);
  const i = `${indent}  `;
  out.push(`${i}title: ${s(t.title)}`);
  if (t.text) out.push(`${i}text: ${s(t.text)}`);
  if (t.phase) out.push(`${i}phase: ${t.phase}`);
  if (t.lead.length || t.support.length) {
    out.push(`${i}lead: ${flowText(t.lead)}${comment(t.roleNote)}`);
    if (t.support.length) out.push(`${i}support: ${flowText(t.support)}`);
  }
  if (t.start) out.push(`${i}start: ${t.start}`);
  if (t.due) out.push(`${i}due: ${t.due}${comment(t.dueNote)}`);
  else if (t.due === null && t.dueNote) out.push(`${i}# 无完成时限：${t.dueNote}`);
  if (t.tasks.length) {
    out.push(`${i}tasks:`);
    for (const c of t.tasks) task(c, `${i}  `, out, where);
  }
}

export function renderDraft(d: DraftPlan, schemaRef: string, source: string): string {
  const where = d.where;
  const out: string[] = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# 由 campaign import 从 ${source} 生成。带“原文第N${d.unit}”注释的内容是推定的，请对照原文核对，然后运行 campaign validate。`,
    'version: 1',
    `title: ${s(d.title.value)}${comment(d.title.line ? where(d.title.line) : undefined)}`,
    `organizer: ${s(d.organizer.value)}${comment(d.organizer.note)}`,
    `year: ${d.year.value}${comment(d.year.note)}`,
    `basis: ${flowText(d.basis.value)}${comment(d.basis.line ? where(d.basis.line) : undefined)}`,
  ];
  if (d.preamble) out.push(`preamble: ${s(d.preamble.value)}${comment(d.preamble.line ? where(d.preamble.line) : undefined)}`);
  if (d.guidance) out.push(`guidance: ${s(d.guidance.value)}${comment(where(d.guidance.line ?? 0))}`);
  if (d.themes.length) {
    out.push('themes:');
    for (const t of d.themes) {
      out.push(`  - id: ${t.id}${comment(t.note)}`);
      out.push(`    title: ${s(t.title)}`);
      if (t.focus.length) out.push(`    focus: ${flowText(t.focus)}`);
    }
  }
  out.push(`period: {start: ${d.period.value.start}, end: ${d.period.value.end}}${comment(d.period.note)}`);
  if (d.phases.length) {
    out.push('phases:');
    for (const p of d.phases) out.push(`  - ${flowText({ id: p.id, title: p.title, start: p.start, end: p.end })}${comment(`${where(p.line)}“${p.words}”`)}`);
  }
  if (d.contact) {
    out.push(`contact: ${flowText({ ...(d.contact.person ? { person: d.contact.person } : {}), ...(d.contact.phone ? { phone: d.contact.phone } : {}) })}${comment(where(d.contact.line))}`);
  }
  if (d.leadership) {
    out.push(`leadership:${comment(where(d.leadership.line))}`);
    if (d.leadership.office) out.push(`  office: ${s(d.leadership.office)}`);
    out.push('  members:');
    for (const m of d.leadership.members) out.push(`    - ${flowText({ role: m.role, ...(m.name ? { name: m.name } : {}), ...(m.post ? { post: m.post } : {}) })}`);
  }
  out.push('units:');
  if (d.units.length === 0) out.push('  - {id: office, name: 办公室}   # 原文未点名责任单位，请填写');
  for (const u of d.units) out.push(`  - ${flowText({ id: u.id, name: u.name, ...(u.external ? { external: true } : {}) })}${comment(u.note)}`);
  if (d.tasks.length) {
    out.push('tasks:');
    for (const t of d.tasks) task(t, '  ', out, where);
  } else {
    out.push('tasks: []   # 原文中未找到编号的任务，请填写');
  }
  if (d.requirements.length) {
    out.push('requirements:');
    for (const r of d.requirements) {
      out.push(`  - id: ${r.id}${comment(where(r.line))}`);
      out.push(`    title: ${s(r.title)}`);
      if (r.text) out.push(`    text: ${s(r.text)}`);
    }
  }
  if (d.reports.length) {
    out.push('reports:');
    for (const r of d.reports) {
      const timing = r.every ? { every: r.every, ...(r.day ? { day: r.day } : {}), ...(r.time ? { time: r.time } : {}) } : r.due ? { due: r.due } : {};
      out.push(`  - ${flowText({ id: r.id, title: r.title, to: r.to, ...(r.by ? { by: r.by } : {}), ...timing })}${comment(`${r.note}${!r.every && !r.due ? '（未写明期限）' : ''}`)}`);
    }
  }
  return out.join('\n') + '\n';
}
