// The import review page: one self-contained HTML file (no network, no fonts to fetch; a few lines of
// script that the page does without) in which a clerk checks an import in minutes — the document's
// blocks on one side, the draft plan on the other, every value linked to the block it came from and
// marked with how sure the importer is, and what it could not find listed at the top. Pure.
import { escapeHtml } from '../formats/html-escape.js';
import { escapeChar } from '../text/visible.js';
import { REVIEW_LABELS } from '../messages/review.js';
import type { Block, SourceDoc } from './document.js';
import type { DraftPlan, DraftReport, DraftTask } from './extract.js';

/** How sure the importer is of a value. */
export type Confidence = 'sure' | 'likely' | 'assumed' | 'missing';
export const CONFIDENCES: readonly Confidence[] = ['sure', 'likely', 'assumed', 'missing'];

/** What the draft keeps about one value. */
export interface Evidence {
  /** The value; empty (undefined, null, '', [], （未识别）) when nothing was found. */
  value: unknown;
  /** The importer's note on it (roleNote, dueNote, a Sourced note …). */
  note?: string;
  /** How a value whose note says nothing more was read: from a label or an explicit statement, or out of running text. */
  read?: 'label' | 'text';
  /** The importer's own verdict, when the draft carries one: it wins over anything read from the note. */
  confidence?: Confidence;
}

const MISSING_NOTE = /未找到|未识别|未写明|未点名|请填写/;
const ASSUMED_NOTE = /推定|请核对|^同上级|^所在阶段/;
// A 分工表's row is as sure as a label; a phrase (按“由X牵头”) only likely.
const LIKELY_NOTE = /^按(?!任务分工表)|按节假日推算/;

/**
 * How sure the importer is of a value, from what the draft already carries: nothing found, or a note that
 * says so (未找到, 原文未写明 …) is missing; a guess (按首句主语推定, 此为推定), a value inherited from the parent
 * (同上级) or the phase (所在阶段) is assumed; a role phrase (按…) or a date worked out over holidays is likely;
 * anything else is as sure as the way it was read.
 */
export function confidenceOf(e: Evidence): Confidence {
  if (e.confidence) return e.confidence;
  const v = e.value;
  if (v === undefined || v === null || v === '' || v === '（未识别）' || (Array.isArray(v) && v.length === 0)) return 'missing';
  const note = e.note ?? '';
  if (MISSING_NOTE.test(note)) return 'missing';
  if (ASSUMED_NOTE.test(note)) return 'assumed';
  if (LIKELY_NOTE.test(note)) return 'likely';
  return e.read === 'text' ? 'likely' : 'sure';
}

// Characters that may not stand raw in HTML or could disguise the text: controls (but tab and line feed),
// surrogates without their pair, noncharacters (U+FFFE, U+FFFF …), bidirectional overrides, line separators.
const UNSAFE = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

const shown = (c: string): string => (c === '\n' || c === '\t' ? c : escapeChar(c));

/** Text for the page: unsafe characters shown as escapes (\x1b, \ufffe), then HTML-escaped. */
export const esc = (s: string): string => escapeHtml(s.replace(UNSAFE, shown));

/** An id attribute (and its #fragment) from any text: letters, digits, '.', '-', '_' kept, the rest spelled out. */
const idText = (s: string): string => s.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);

type Labels = (typeof REVIEW_LABELS)['zh'];

const FONTS = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","Hiragino Sans GB","WenQuanYi Micro Hei",SimSun,sans-serif';

const CSS = `*{box-sizing:border-box}[id]{scroll-margin-top:3em}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:${FONTS};font-size:15px;line-height:1.6;color:#1a1a1a;background:#fff}
a{color:#0b50b8}a:hover{color:#062f6e}
header.top{padding:.6em 1.2em .5em;border-bottom:1px solid #c8c8c8;background:#f6f7f9}
h1{font-size:1.3em;margin:0 0 .15em;overflow-wrap:anywhere}
.sub{margin:0;color:#3d3d3d}.sub b{color:#1a1a1a}
.legend{display:flex;flex-wrap:wrap;gap:.2em 1.2em;margin:.35em 0 0;padding:0;list-style:none;font-size:.9em;color:#3d3d3d}
.pane{padding:0 0 2em}.pane>:not(h2){margin-left:1.2rem;margin-right:1.2rem}
.pane>h2{font-size:1.05em;margin:0 0 .6em;padding:.45em 1.2rem;background:#fff;border-bottom:2px solid #1a1a1a;position:sticky;top:0;z-index:1}
h3{font-size:1em;margin:1.3em 0 .4em;padding-bottom:.15em;border-bottom:1px solid #d0d0d0}
.lv{display:inline-block;font-size:.78em;line-height:1.5;padding:0 .45em;border:1px solid;border-radius:3px;white-space:nowrap;vertical-align:.08em;font-weight:normal}
.lv.sure{color:#1b5e20;background:#e8f5e9}.lv.likely{color:#0d47a1;background:#e3f0fd}
.lv.assumed{color:#6d4200;background:#fff3cd}.lv.missing{color:#a3111b;background:#fdecee}
.blk{position:relative;margin:0 0 .35em;padding:.2em .5em .25em 4.6em;border-left:4px solid transparent;border-radius:2px;scroll-margin-top:3em}
.blk>.no{position:absolute;left:.3em;top:.35em;width:4em;font-size:.78em;color:#4a4a4a;line-height:1.3}
.blk p{margin:0;overflow-wrap:anywhere}
.blk.used{background:#fffbe8;border-left-color:#b7950b}
.blk.used.lv-likely{border-left-color:#1565c0}.blk.used.lv-sure{border-left-color:#2e7d32}
.blk.used.lv-assumed{border-left-color:#c77800}.blk.used.lv-missing{border-left-color:#c62828}
.file{display:block;font-size:.8em;color:#3d3d3d}.refs{display:block;font-size:.8em;color:#3d3d3d;margin-top:.1em}.refs a{margin-right:.5em;white-space:nowrap}
.blk:target,.blk.hl{background:#ffe9a6;outline:2px solid #b06d00}
.blk table{border-collapse:collapse;margin:.2em 0;font-size:.92em;width:100%}
.blk td{border:1px solid #9a9a9a;padding:.15em .4em;vertical-align:top;overflow-wrap:anywhere}
.blk tr.used td{background:#fff4c4}.blk td.rr{border:0;background:none;font-size:.8em;white-space:nowrap;padding-left:.5em}.blk td.rr a{display:block}.blk tr:target td,.blk tr.hl td{background:#ffe08a}
.issues{border:1px solid #d9a300;background:#fffaf0;border-radius:4px;padding:.3em .9em .5em;margin:0 0 1em}
.issues h3{margin:.3em 0;border:0}.issues ol{margin:0;padding-left:1.6em}.issues li{margin:.15em 0}
.issues ul{list-style:none;margin:0;padding:0 0 0 .3em}.issues ul li{margin:.05em 0}.issues a.it{font-weight:bold}
.issues .ok{margin:.2em 0;color:#1b5e20}
.f{display:grid;grid-template-columns:6.5em minmax(0,1fr) auto;gap:0 .6em;padding:.2em .3em;border-radius:3px;align-items:baseline;scroll-margin-top:3em}
.f>.k,.k2{color:#3d3d3d}.k2{margin-left:1em}.f>.v{overflow-wrap:anywhere}.f>.note{grid-column:2/4;font-size:.82em;color:#474747;overflow-wrap:anywhere}
.f:target,.f.hl,.f:focus-within{background:#e8f0fe;outline:1px solid #6b8fd6}
.empty{color:#a3111b}
ol.tree,ol.tree ol{list-style:none;margin-top:0;margin-bottom:0;padding:0}ol.tree ol{margin-left:1.1em;padding-left:.7em;border-left:2px solid #e0e0e0}
li.task{margin:.5em 0;scroll-margin-top:3em}li.task>.th{font-weight:bold}li.task>.th .tid{font-weight:normal;margin-right:.4em;font-variant-numeric:tabular-nums}
li.task>.f{margin-left:.6em}li.task:target>.th{background:#e8f0fe}
ul.plain{margin:.2em 0;padding-left:1.3em}ul.plain li.hl{background:#e8f0fe}
.d{white-space:nowrap;font-variant-numeric:tabular-nums}
@media (min-width:900px){
html,body{height:100%}body{display:flex;flex-direction:column;overflow:hidden}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);grid-template-areas:"doc plan"}
.pane{overflow:auto;min-height:0}.pane.doc{grid-area:doc;border-right:1px solid #c8c8c8}.pane.plan{grid-area:plan}
}
@media print{
html,body{height:auto;overflow:visible;display:block;font-size:10.5pt}
main{display:block}.pane{overflow:visible;padding:0}.pane>:not(h2){margin-left:0;margin-right:0}.pane>h2{position:static;margin:1em 0 .5em;padding:0 0 .2em}
.pane.doc{break-before:page;border:0}header.top{background:none;padding:0 0 .5em}
.blk,.f,li.task>.th,tr{break-inside:avoid}.blk:target,.blk.hl,.f:target{outline:0}
a{color:inherit;text-decoration:none}.refs{display:none}
}`;

// Hovering a value lights its block; hovering a block lights the values read from it. Links do the rest.
const SCRIPT = `(function(){var on=[];function clear(){on.forEach(function(e){e.classList.remove("hl")});on=[]}
function add(e){if(e){e.classList.add("hl");on.push(e)}}
document.addEventListener("mouseover",function(ev){var t=ev.target;if(!t.closest)return;clear();
var f=t.closest("[data-src]");if(f){f.getAttribute("data-src").split(" ").forEach(function(id){add(document.getElementById(id))});return}
var b=t.closest("tr.used,.blk.used");if(b)document.querySelectorAll("[data-src~=\\""+b.id+"\\"]").forEach(add)})})();`;

interface Ref { anchor: string; label: string; level: Confidence }
/** A value to check: its field's anchor and name, and the task it belongs to (the list shows a task's values together). */
interface Issue { anchor: string; label: string; level: Confidence; reason: string; task?: { anchor: string; label: string; short: string } }

/** What the page collects while it writes the plan's side: which blocks values came from, and what to check. */
class Sources {
  readonly refs = new Map<string, Ref[]>();
  readonly issues: Issue[] = [];
  private readonly blocks = new Map<number, Block>();
  private readonly order: Block[];

  constructor(doc: SourceDoc) {
    this.order = doc.blocks;
    for (const b of doc.blocks) if (!this.blocks.has(b.no)) this.blocks.set(b.no, b);
  }

  /**
   * The anchors of the blocks a value came from, the one to link to first: a table's row when `hint` is the
   * text of one of its cells; else the block the note names, or — when the words the note quotes are not in
   * it (an item's 牵头单位：… and 完成时限：… on lines of their own below it) — the first of the next few
   * paragraphs that has each part of them. Empty when there is no such block.
   */
  targets(line: number | undefined, hint?: string, note?: string): string[] {
    if (line === undefined) return [];
    const block = this.blocks.get(line);
    if (!block) return [];
    if (block.kind === 'table') {
      const words = hint?.replace(/…$/, '');
      const row = words ? block.rows.findIndex((r) => r.some((c) => c.replace(/\n/g, '').includes(words))) : -1;
      return [row >= 0 ? `b${line}-r${row}` : `b${line}`];
    }
    const quoted = /“(.+)”/.exec(note ?? '')?.[1]?.replace(/…$/, '');
    const parts = (quoted ?? '').split(/[；;]/).map((p) => p.trim()).filter((p) => p.length >= 2);
    if (parts.length === 0 || block.text.includes(quoted!)) return [`b${line}`];
    const at = this.order.indexOf(block);
    const near = [block, ...this.order.slice(at + 1, at + 7)];
    const found = parts.map((p) => near.find((b) => b.kind === 'para' && b.text.includes(p))?.no).filter((n) => n !== undefined);
    return [...new Set(found.length ? found : [line])].map((n) => `b${n}`);
  }

  use(target: string | undefined, ref: Ref): void {
    if (!target) return;
    const list = this.refs.get(target) ?? [];
    list.push(ref);
    this.refs.set(target, list);
  }
}

const WORSE: Record<Confidence, number> = { sure: 0, likely: 1, assumed: 2, missing: 3 };
const worst = (levels: Confidence[]): Confidence => levels.reduce((a, b) => (WORSE[b] > WORSE[a] ? b : a), 'sure');

/** "原文第24行" in a note: the block the value was read from (the parent's for an inherited one, the phase's …). */
const lineIn = (note: string | undefined): number | undefined => {
  const m = /原文第(\d+)[行段]/.exec(note ?? '');
  return m ? Number(m[1]) : undefined;
};

const badge = (level: Confidence, L: Labels) => `<span class="lv ${level}">${esc(L.levels[level])}</span>`;

/** A date, or a range of two. */
function dates(start: string | undefined, end: string | null | undefined): string {
  const shown = [start, end].filter((d): d is string => !!d);
  return [...new Set(shown)].map((d) => `<span class="d">${esc(d)}</span>`).join(' ~ ');
}

export interface ReviewOptions { name: string; lang: 'zh' | 'en' }

export function reviewPage(doc: SourceDoc, draft: DraftPlan, opts: ReviewOptions): string {
  const L = REVIEW_LABELS[opts.lang];
  const src = new Sources(doc);
  const unitName = new Map(draft.units.map((u) => [u.id, u.name]));
  const names = (ids: string[]) => ids.map((id) => unitName.get(id) ?? id).join(L.sep);

  /**
   * One value: its name, the value linked to its source, its level, the importer's note. A value that is
   * missing or assumed goes on the list to check.
   */
  const field = (f: { id: string; label: string; ref: string; html: string; level: Confidence; note?: string; line?: number; hint?: string; reason?: string; task?: Issue['task'] }): string => {
    const targets = src.targets(f.line, f.hint, f.note);
    const target = targets[0];
    for (const t of targets) src.use(t, f.task ? { anchor: f.task.anchor, label: f.task.short, level: f.level } : { anchor: f.id, label: f.ref, level: f.level });
    if (f.level === 'missing' || f.level === 'assumed') {
      src.issues.push({ anchor: f.id, label: f.task ? f.label : f.ref, level: f.level, reason: f.reason ?? f.note ?? L.notFound, ...(f.task ? { task: f.task } : {}) });
    }
    const value = f.html ? (target ? `<a href="#${target}">${f.html}</a>` : f.html) : `<span class="empty">${esc(L.paren(L.levels.missing).trim())}</span>`;
    return `<div class="f" id="${f.id}"${target ? ` data-src="${targets.join(' ')}"` : ''}><span class="k">${esc(f.label)}</span><span class="v">${value}</span>${badge(f.level, L)}${f.note ? `<span class="note">${esc(f.note)}</span>` : ''}</div>`;
  };

  // The plan's side first: it decides which blocks are highlighted.
  const plan: string[] = [];
  const basics: string[] = [];
  // Anchors are unique even when the draft's ids are not (two tasks numbered 1): the second is "t-1~2".
  const taken = new Map<string, number>();
  const unique = (id: string) => {
    const n = (taken.get(id) ?? 0) + 1;
    taken.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  };
  const fid = (s: string) => unique(`f-${idText(s)}`);
  basics.push(field({ id: fid('title'), label: L.title, ref: L.title, html: esc(draft.title.value), line: draft.title.line, level: confidenceOf({ value: draft.title.value, note: draft.title.note, read: 'label' }), note: draft.title.note }));
  basics.push(field({ id: fid('organizer'), label: L.organizer, ref: L.organizer, html: draft.organizer.value === '（未识别）' ? '' : esc(draft.organizer.value), line: draft.organizer.line, level: confidenceOf({ value: draft.organizer.value, note: draft.organizer.note, read: 'label' }), note: draft.organizer.note }));
  basics.push(field({ id: fid('year'), label: L.year, ref: L.year, html: esc(String(draft.year.value)), line: draft.year.line, level: confidenceOf({ value: draft.year.value, note: draft.year.note, read: 'label' }), note: draft.year.note }));
  const period = draft.period;
  const periodLevel = confidenceOf({ value: period.value, note: period.note, read: 'label' });
  basics.push(field({
    id: fid('period'), label: L.period, ref: L.period, level: periodLevel, note: period.note, line: period.line || undefined,
    html: `${dates(period.value.start, period.value.end)}${period.line ? '' : esc(L.paren(L.assumedDefault))}`,
  }));
  if (draft.themes.length === 0) basics.push(field({ id: fid('theme'), label: L.theme, ref: L.theme, html: '', level: 'missing' }));
  for (const t of draft.themes) {
    basics.push(field({ id: fid(`theme-${t.id}`), label: L.theme, ref: L.theme, html: esc(t.title) + (t.focus.length ? esc(L.paren(`${L.focus}${L.colon}${t.focus.join(L.sep)}`)) : ''), line: t.line, level: confidenceOf({ value: t.title, note: t.note, read: 'label' }), note: t.note }));
  }
  basics.push(field({ id: fid('basis'), label: L.basis, ref: L.basis, html: esc(draft.basis.value.join(L.sep)), line: draft.basis.line, level: confidenceOf({ value: draft.basis.value, note: draft.basis.note, read: 'label' }) }));
  for (const [key, s] of [['preamble', draft.preamble], ['guidance', draft.guidance]] as const) {
    if (!s) continue;
    const label = L[key];
    basics.push(field({ id: fid(key), label, ref: label, html: esc(s.value.length > 60 ? `${s.value.slice(0, 60)}…` : s.value), line: s.line, level: confidenceOf({ value: s.value, note: s.note, read: 'label' }) }));
  }
  plan.push(`<h3>${esc(L.basics)}</h3>`, ...basics);

  if (draft.phases.length) {
    plan.push(`<h3>${esc(L.phases)}</h3>`);
    for (const p of draft.phases) {
      const note = `原文第${p.line}${draft.unit}“${p.words}”`;
      plan.push(field({ id: fid(`phase-${p.id}`), label: `${L.phase} ${p.id}`, ref: `${L.phase} ${p.title}`, html: `${esc(p.title)} ${dates(p.start, p.end)}`, line: p.line, level: confidenceOf({ value: p.start, note, read: 'label' }), note }));
    }
  }

  // The tasks, as a tree.
  const all: DraftTask[] = [];
  const walk = (ts: DraftTask[]) => ts.forEach((t) => { all.push(t); walk(t.tasks); });
  walk(draft.tasks);
  const leaves = all.filter((t) => t.tasks.length === 0).length;
  const phaseTitle = new Map(draft.phases.map((p) => [p.id, p.title]));
  const task = (t: DraftTask): string => {
    const tid = unique(`t-${idText(t.id)}`);
    const hint = t.title;
    const ref = `${L.task}${opts.lang === 'en' ? ' ' : ''}${t.id}`;
    const at = src.targets(t.line, hint)[0];
    src.use(at, { anchor: tid, label: ref, level: 'sure' });
    const title = at ? `<a href="#${at}">${esc(t.title)}</a>` : esc(t.title);
    const parts = [`<li class="task" id="${tid}"${at ? ` data-src="${at}"` : ''}><div class="th"><span class="tid">${esc(t.id)}</span>${title}</div>`];
    const leaf = t.tasks.length === 0;
    const group = { anchor: tid, label: `${ref} ${t.title}`, short: ref };
    if (t.phase && !leaf) parts.push(`<div class="f"><span class="k">${esc(L.phase)}</span><span class="v">${esc(phaseTitle.get(t.phase) ?? t.phase)}</span></div>`);
    if (leaf || t.lead.length || t.support.length) {
      const level = confidenceOf({ value: t.lead, note: t.roleNote, read: 'label' });
      const who = t.lead.length ? esc(names(t.lead)) : '';
      const html = who && t.support.length ? `${who}<span class="k2">${esc(L.support)}${esc(L.colon)}</span>${esc(names(t.support))}` : who;
      parts.push(field({ id: `${tid}-lead`, label: L.lead, ref: `${ref} ${L.lead}`, html, level, note: t.roleNote, line: lineIn(t.roleNote) ?? t.line, hint, task: group }));
    }
    if (leaf || t.due || t.start) {
      // A due of null with a note is a deadline the document says there is none of (长期, 常态化).
      const value = t.due ?? (t.dueNote ? L.noDue : undefined);
      const level = confidenceOf({ value, note: t.dueNote, read: dueRead(t) });
      const html = t.due ? dates(t.start, t.due) : t.dueNote ? `${t.start ? `${dates(t.start, undefined)} ~ ` : ''}${esc(L.noDue)}` : '';
      parts.push(field({ id: `${tid}-due`, label: L.when, ref: `${ref} ${L.when}`, html, level, note: t.dueNote, line: lineIn(t.dueNote) ?? t.line, hint, task: group }));
    }
    if (!leaf) parts.push(`<ol>${t.tasks.map(task).join('')}</ol>`);
    parts.push('</li>');
    return parts.join('');
  };
  plan.push(`<h3>${esc(L.tasksH + L.paren(String(all.length)))}</h3>`);
  if (draft.tasks.length) plan.push(`<ol class="tree">${draft.tasks.map(task).join('')}</ol>`);
  else plan.push(field({ id: fid('tasks'), label: L.tasksH, ref: L.tasksH, html: '', level: 'missing', reason: L.noTasks }));

  plan.push(`<h3>${esc(L.reportsH + L.paren(String(draft.reports.length)))}</h3>`);
  for (const r of draft.reports) plan.push(report(r));

  plan.push(`<h3>${esc(L.leadership)}</h3>`);
  const lg = draft.leadership;
  const lgHtml = lg
    ? `${lg.office ? `${esc(L.office)}${esc(L.colon)}${esc(lg.office)}` : ''}<ul class="plain">${lg.members.map((m) => `<li>${esc(m.role)}${esc(L.colon)}${esc([m.name, m.post].filter(Boolean).join(' '))}</li>`).join('')}</ul>`
    : '';
  plan.push(field({ id: fid('leadership'), label: L.leadership, ref: L.leadership, html: lgHtml, line: lg?.line, level: confidenceOf({ value: lg?.members, read: 'text' }) }));
  const c = draft.contact;
  const cHtml = c ? esc([c.person, c.phone].filter(Boolean).join(' ')) : '';
  plan.push(field({ id: fid('contact'), label: L.contact, ref: L.contact, html: cHtml, line: c?.line, level: confidenceOf({ value: cHtml, read: 'label' }) }));

  plan.push(`<h3>${esc(L.unitsH + L.paren(String(draft.units.length)))}</h3>`);
  if (draft.units.length === 0) plan.push(field({ id: fid('units'), label: L.unitsH, ref: L.unitsH, html: '', level: 'missing', reason: L.noUnits }));
  else {
    const items = draft.units.map((u) => {
      const at = src.targets(u.line, undefined, u.note)[0];
      const name = `${esc(u.name)}${u.external ? esc(L.paren(L.external)) : ''}`;
      return `<li id="${fid(`unit-${u.id}`)}"${at ? ` data-src="${at}"` : ''}>${at ? `<a href="#${at}">${name}</a>` : name}</li>`;
    });
    plan.push(`<ul class="plain">${items.join('')}</ul>`);
  }

  if (draft.requirements.length) {
    plan.push(`<h3>${esc(L.requirements)}</h3>`);
    for (const r of draft.requirements) {
      plan.push(field({ id: fid(`req-${r.id}`), label: r.id, ref: `${L.requirements} ${r.id}`, html: esc(r.title), line: r.line, level: 'sure' }));
    }
  }

  function report(r: DraftReport): string {
    const when = r.every
      ? `${esc(L.every_[r.every] ?? `${L.every} ${r.every}`)}${r.day ? ` ${r.day}` : ''}${r.time ? ` ${esc(r.time)}` : ''}`
      : r.due ? dates(undefined, r.due) : '';
    const level = confidenceOf({ value: when, note: r.note, read: 'text' });
    const head = `${esc(r.title)}${esc(L.colon)}${r.by ? `${esc(names([r.by]))} → ` : ''}${esc(names([r.to]))}`;
    const id = fid(`report-${r.id}`);
    const ref = `${L.report} ${r.id}`;
    return field({ id, label: r.id, ref, html: when ? `${head}，<span class="d">${when}</span>` : head, level: when ? level : 'missing', note: r.note, line: r.line, reason: when ? undefined : `${r.title}${opts.lang === 'en' ? ': deadline ' : '：报送期限'}${L.notFound}` });
  }

  // What to check, the missing first; a task's values together.
  const issues = src.issues;
  const groups = new Map<string, Issue[]>();
  for (const i of issues) groups.set(i.task?.anchor ?? i.anchor, [...(groups.get(i.task?.anchor ?? i.anchor) ?? []), i]);
  const ordered = [...groups.values()].map((g) => g.sort((a, b) => WORSE[b.level] - WORSE[a.level])).sort((a, b) => WORSE[worst(b.map((i) => i.level))] - WORSE[worst(a.map((i) => i.level))]);
  const part = (i: Issue) => `${badge(i.level, L)} <a href="#${i.anchor}">${esc(i.label)}</a>${esc(L.colon)}${esc(i.reason)}`;
  const entry = (list: Issue[]) => {
    const task = list[0]!.task;
    if (!task) return `<li>${part(list[0]!)}</li>`;
    return `<li><a class="it" href="#${task.anchor}">${esc(task.label)}</a><ul>${list.map((i) => `<li>${part(i)}</li>`).join('')}</ul></li>`;
  };
  const issueList = issues.length ? `<ol>${ordered.map(entry).join('')}</ol>` : `<p class="ok">${esc(L.noIssues)}</p>`;
  const missing = issues.filter((i) => i.level === 'missing').length;
  const assumed = issues.length - missing;
  const issueCount = `${L.levels.missing} ${missing}${L.sep}${L.levels.assumed} ${assumed}`;

  // The document's side.
  /** Links back to what was read from a block, one for each field or task. */
  const backLinks = (refs: Ref[]) =>
    [...new Map(refs.map((r) => [r.anchor, r])).values()].map((r) => `<a href="#${r.anchor}">${esc(r.label)}</a>`).join(' ');
  const seen = new Set<number>();
  const blocks = doc.blocks.map((b) => {
    const first = !seen.has(b.no);
    seen.add(b.no);
    const id = first ? `b${b.no}` : `b${b.no}-${idText(b.file ?? String(seen.size))}`;
    const own = first ? (src.refs.get(id) ?? []) : [];
    const rowRefs = (r: number) => (first && b.kind === 'table' ? (src.refs.get(`${id}-r${r}`) ?? []) : []);
    const every = b.kind === 'table' ? [...own, ...b.rows.flatMap((_, r) => rowRefs(r))] : own;
    const place = [L.place(b.no, doc.unit), ...(b.page !== undefined ? [L.page(b.page)] : []), ...(b.kind === 'table' ? [L.table] : [])].map(esc).join('<br>');
    const file = b.file ? `<span class="file">${esc(b.file)}</span>` : '';
    // A table's rows link back to their tasks in a last column of their own.
    const rowsUsed = b.kind === 'table' && b.rows.some((_, r) => rowRefs(r).length);
    const body = b.kind === 'para'
      ? `<p>${esc(b.text)}</p>`
      : `<table>${b.rows.map((row, r) => {
        const refs = rowRefs(r);
        const back = rowsUsed ? `<td class="rr">${backLinks(refs)}</td>` : '';
        return `<tr id="${id}-r${r}"${refs.length ? ' class="used"' : ''}>${row.map((cell) => `<td>${esc(cell).replace(/\n/g, '<br>')}</td>`).join('')}${back}</tr>`;
      }).join('')}</table>`;
    const back = own.length ? `<span class="refs">${esc(L.cameFrom)}${backLinks(own)}</span>` : '';
    const cls = every.length ? ` used lv-${worst(every.map((r) => r.level))}` : '';
    return `<div class="blk${cls}" id="${id}"><span class="no">${place}</span>${file}${body}${back}</div>`;
  });

  const lang = opts.lang === 'zh' ? 'zh-CN' : 'en';
  const legend = CONFIDENCES.map((l) => `<li>${badge(l, L)} ${esc(L.explain[l])}</li>`).join('');
  const counts = [L.count(all.length, L.tasks) + (all.length !== leaves ? L.paren(L.count(leaves, L.leaves)) : ''), L.count(draft.units.length, L.units), L.count(draft.reports.length, L.reports)].map(esc).join(' · ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${L.review}${L.colon}${opts.name}`)}</title>
<style>
${CSS}
</style>
</head>
<body>
<header class="top">
<h1>${esc(`${L.review}${L.colon}${opts.name}`)}</h1>
<p class="sub"><b>${esc(draft.title.value)}</b> · ${counts} · <a href="#issues">${esc(L.issues)} ${issues.length}</a></p>
<ul class="legend" aria-label="${esc(L.legendTitle)}">${legend}</ul>
</header>
<main>
<section class="pane plan" aria-label="${esc(L.plan)}">
<h2>${esc(L.plan)}</h2>
<nav class="issues" id="issues"><h3>${esc(L.issues + L.paren(issueCount))}</h3>${issueList}</nav>
${plan.join('\n')}
</section>
<section class="pane doc" lang="zh-CN" aria-label="${esc(L.document)}">
<h2>${esc(L.document)}${esc(L.colon)}${esc(opts.name)}</h2>
${blocks.join('\n')}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A due read from a table's column or after a label (完成时限：6月18日前) is as sure as a label; else it is read from the text. */
function dueRead(t: DraftTask): 'label' | 'text' {
  if (t.note?.includes('（表格）')) return 'label';
  const words = /“(.+)”$/.exec(t.dueNote ?? '')?.[1];
  if (!words || !t.text) return 'text';
  const at = t.text.indexOf(words);
  return at > 0 && /(?:完成时限|完成时间|时间节点|时限|时间)\s*[：:]\s*[^；;。]*$/.test(t.text.slice(0, at)) ? 'label' : 'text';
}
