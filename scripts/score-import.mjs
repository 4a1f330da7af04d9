#!/usr/bin/env node
// Scores `campaign import` on a folder of documents with answer keys (NN-name.txt|.docx and
// NN-name.expected.yaml, as in test/fixtures/import-corpus/ — its README says what each field means):
// "fields right / total". Uses the built importer (dist/), so run `npm run build` first.
//
//   node scripts/score-import.mjs [FOLDER] [--verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const DIST = new URL('../dist/', import.meta.url);

/** Loads the importer and the unit table from the build. */
async function load() {
  const [{ importFiles }, { canonicalUnitName }, { loadCalendar }] = await Promise.all([
    import(new URL('importer/index.js', DIST).href),
    import(new URL('data/units.js', DIST).href),
    import(new URL('io/holidays.js', DIST).href),
  ]);
  return { importFiles, canonicalUnitName, calendar: loadCalendar() };
}

/** A unit's name folded for comparison: the usual name of a known unit, no 镇/乡 of the organizer's own offices. */
const folder = (canonical) => (name) => {
  const bare = String(name).replace(/^[镇乡](?!直)/, '');
  return canonical(bare);
};

const sameSet = (a, b) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

function leavesOf(tasks, out = []) {
  for (const t of tasks ?? []) {
    if (t.tasks?.length) leavesOf(t.tasks, out);
    else out.push(t);
  }
  return out;
}

const squash = (s) => String(s ?? '').replace(/\s+/g, '');

/** Scores one document: a list of [field, right, detail]. */
export function scoreOne(plan, expected, fold) {
  const fields = [];
  const field = (name, right, detail = '') => fields.push({ name, right: !!right, detail });
  const units = new Map((plan.units ?? []).map((u) => [u.id, u.name]));
  const names = (ids) => (ids ?? []).map((id) => fold(units.get(id) ?? id));
  field('year', plan.year === expected.year, `${plan.year} vs ${expected.year}`);
  field('organizer', plan.organizer === expected.organizer, `${plan.organizer} vs ${expected.organizer}`);
  field('period', plan.period?.start === expected.period.start && plan.period?.end === expected.period.end, `${JSON.stringify(plan.period)} vs ${JSON.stringify(expected.period)}`);
  const theme = plan.themes?.[0]?.title ?? null;
  field('theme', squash(theme) === squash(expected.theme), `${theme} vs ${expected.theme}`);
  const leaves = leavesOf(plan.tasks);
  field('leaf count', leaves.length === expected.leaves.length, `${leaves.length} vs ${expected.leaves.length}`);
  for (const e of expected.leaves) {
    const leaf = leaves.find((l) => squash(`${l.title ?? ''}${l.text ?? ''}`).includes(squash(e.match)));
    const tag = `leaf “${e.match}”`;
    if (!leaf) {
      field(`${tag} lead`, false, 'not found');
      field(`${tag} support`, false, 'not found');
      field(`${tag} due`, false, 'not found');
      if (e.start) field(`${tag} start`, false, 'not found');
      continue;
    }
    const lead = names(leaf.lead);
    const support = names(leaf.support);
    field(`${tag} lead`, sameSet(lead, e.lead.map(fold)), `${lead} vs ${e.lead}`);
    field(`${tag} support`, sameSet(support, e.support.map(fold)), `${support} vs ${e.support}`);
    field(`${tag} due`, (leaf.due ?? null) === (e.due ?? null), `${leaf.due} vs ${e.due}`);
    if (e.start) field(`${tag} start`, leaf.start === e.start, `${leaf.start} vs ${e.start}`);
  }
  const phases = plan.phases ?? [];
  for (const e of expected.phases ?? []) {
    const p = phases.find((x) => squash(x.title).includes(squash(e.title)) || squash(e.title).includes(squash(x.title)));
    field(`phase “${e.title}”`, p && p.start === e.start && p.end === e.end, p ? `${p.title} ${p.start}~${p.end} vs ${e.start}~${e.end}` : 'not found');
  }
  if ((expected.phases ?? []).length === 0) field('no phases', phases.length === 0, `${phases.length} phases`);
  const reports = plan.reports ?? [];
  const timing = (r) => (r.every ? `every ${r.every}${r.day ? ` day ${r.day}` : ''}${r.time ? ` ${r.time}` : ''}` : `due ${r.due ?? null}`);
  const used = new Set();
  for (const e of expected.reports ?? []) {
    const want = `${fold(e.to)} ${timing(e)}${e.sender ? ` from ${fold(e.sender)}` : ''}`;
    const found = reports.find((r, i) => !used.has(i) && `${fold(units.get(r.to) ?? r.to ?? '')} ${timing(r)}${e.sender ? ` from ${fold(units.get(r.by) ?? r.by ?? '')}` : ''}` === want);
    if (found) used.add(reports.indexOf(found));
    field(`report ${want}`, found, found ? '' : `have: ${reports.map((r) => `${units.get(r.to) ?? r.to} ${timing(r)} from ${units.get(r.by) ?? r.by}`).join('; ')}`);
  }
  if (expected.contact) {
    field('contact person', squash(plan.contact?.person) === squash(expected.contact.person), `${plan.contact?.person} vs ${expected.contact.person}`);
    field('contact phone', squash(plan.contact?.phone) === squash(expected.contact.phone), `${plan.contact?.phone} vs ${expected.contact.phone}`);
  }
  if (expected.leadership) {
    const l = plan.leadership;
    field('leadership office', squash(l?.office ?? null) === squash(expected.leadership.office ?? null), `${l?.office} vs ${expected.leadership.office}`);
    field('leadership members', (l?.members?.length ?? 0) === expected.leadership.members, `${l?.members?.length} vs ${expected.leadership.members}`);
  }
  return fields;
}

/** Imports and scores every document of a folder that has an answer key. */
export async function scoreFolder(dir) {
  const { importFiles, canonicalUnitName, calendar } = await load();
  const fold = folder(canonicalUnitName);
  const results = [];
  for (const key of readdirSync(dir).filter((f) => f.endsWith('.expected.yaml')).sort()) {
    const expected = parse(readFileSync(join(dir, key), 'utf8'));
    // One document (source:), or a notice with its attachments in order (sources:).
    const sources = expected.sources ?? [expected.source ?? key.replace('.expected.yaml', '.txt')];
    if (!sources.every((s) => existsSync(join(dir, s)))) continue;
    const document = sources.join(' + ');
    let plan;
    try {
      // The fallback year is never the answer: a document that names no year must still give its own.
      const { yaml } = await importFiles(sources.map((s) => ({ name: s, bytes: readFileSync(join(dir, s)) })), { name: document, fallbackYear: 2099, calendar });
      plan = parse(yaml);
    } catch (err) {
      plan = { error: String(err?.message ?? err) };
    }
    results.push({ document, fields: scoreOne(plan, expected, fold), ...(plan.error ? { error: plan.error } : {}) });
  }
  const right = results.reduce((n, r) => n + r.fields.filter((f) => f.right).length, 0);
  const total = results.reduce((n, r) => n + r.fields.length, 0);
  return { results, right, total, ratio: total ? right / total : 0 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/import-corpus');
  const { results, right, total, ratio } = await scoreFolder(dir);
  for (const r of results) {
    const ok = r.fields.filter((f) => f.right).length;
    console.log(`${r.document}: ${ok}/${r.fields.length}${r.error ? ` (error: ${r.error})` : ''}`);
    if (verbose) for (const f of r.fields.filter((x) => !x.right)) console.log(`    ✗ ${f.name}: ${f.detail}`);
  }
  console.log(`fields right: ${right} / ${total} (${(ratio * 100).toFixed(1)}%)`);
}
