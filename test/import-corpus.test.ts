// The importer on a corpus of real-shaped plan documents with answer keys (test/fixtures/import-corpus/,
// its README says what each field means): the share of fields it gets right, and that `campaign validate`
// finds nothing on a correct document's import but what the document really has.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error — the scorer is a plain JavaScript script (scripts/score-import.mjs), run on the build
import { scoreFolder } from '../scripts/score-import.mjs';
import { importDocument } from '../src/importer/index.js';
import { loadCalendar } from '../src/io/holidays.js';
import { lintText } from './helpers/lint.js';

const CORPUS = new URL('./fixtures/import-corpus/', import.meta.url).pathname;

/** The share the README states, and below which this test fails. */
const TARGET = 0.95;

/** Findings the documents really have (each named in the corpus README), by document. */
const REAL: Record<string, string[]> = {
  // 5月底前 for a task of a one-week campaign: a deadline after the period.
  '03-liulin-disaster-week-2023.txt': ['date/outside-period'],
};

interface Field { name: string; right: boolean; detail: string }

describe('import corpus', () => {
  it(`gets at least ${TARGET * 100}% of the answer keys' fields right`, async () => {
    const { right, total, ratio, results } = (await scoreFolder(CORPUS)) as { right: number; total: number; ratio: number; results: { document: string; fields: Field[] }[] };
    const wrong = results.flatMap((r) => r.fields.filter((f) => !f.right).map((f) => `${r.document}: ${f.name} (${f.detail})`));
    console.log(`import corpus: ${right} / ${total} fields right (${(ratio * 100).toFixed(1)}%)`);
    expect(results).toHaveLength(15);
    expect(total).toBeGreaterThan(600);
    expect(ratio, wrong.join('\n')).toBeGreaterThanOrEqual(TARGET);
  }, 60_000);

  const documents = readdirSync(CORPUS).filter((f) => /\.(txt|docx)$/.test(f)).sort();
  it.each(documents)('%s: validate finds only what the document has', async (file) => {
    const { yaml } = await importDocument(readFileSync(join(CORPUS, file)), { name: file, fallbackYear: 2020, calendar: loadCalendar() });
    const plan = parse(yaml);
    // As of the first day: nothing is overdue yet.
    const problems = lintText(yaml, { asOf: plan.period.start }).filter((p) => p.severity !== 'info');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule} ${JSON.stringify(p.data)}`).filter((p) => !(REAL[file] ?? []).some((r) => p.includes(` ${r} `)))).toEqual([]);
  });
});
