// Outputs stay well-formed whatever a plan's text holds (issue #25): a vertical tab pasted from Word, a
// form feed, U+FFFE, U+FFFF, a lone surrogate and C0 controls never reach DOCX, XLSX or HTML as they are
// (XML 1.0 forbids them, and Word, Excel and WPS refuse or "repair" the file); a unit's sheet keeps the
// title it was given, so collect takes the untouched row; md, csv, html and ics printed to a terminal show
// an ESC as \x1b instead of sending it.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { xmlSafe } from '../src/text/xml-safe.js';
import { cli } from './helpers/in-process.js';

const SEED = new URL('../examples/tongzhong-2020.yaml', import.meta.url).pathname;
// Every character XML 1.0 forbids, in a task's title (a leaf, so that it is in the units' sheets) and a note.
const HOSTILE = '\\v第二行\\f\\uFFFE\\uFFFF\\uD800\\x01\\e[31m';
let dir: string;
let plan: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-well-formed-'));
  plan = join(dir, 'plan.yaml');
  copyFileSync(SEED, plan);
  let text = readFileSync(plan, 'utf8');
  const at = text.indexOf('id: "1.1.1"');
  const title = text.indexOf('title:', at);
  const end = text.indexOf('\n', title);
  text = `${text.slice(0, title)}title: "${text.slice(title + 6, end).trim()}${HOSTILE}"${text.slice(end)}`;
  writeFileSync(plan, text);
});

/** Whether a text is well-formed XML: saxes, as strict as Word's reader about characters. */
function wellFormed(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: false });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

describe('XML 1.0 forbids characters; our files never carry them', () => {
  it('replaces a vertical tab and a form feed by a line break, the others by U+FFFD', () => {
    expect(xmlSafe('a\vb\fc\uFFFEd\uFFFFe\uD800f\x01g')).toBe('a\nb\nc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(xmlSafe('tab\tlf\ncr\r😀')).toBe('tab\tlf\ncr\r😀'); // allowed, and a pair of surrogates is one character
  });

  it.each([
    ['weekly', 'docx'], ['report', 'docx'], ['weekly', 'xlsx'], ['status', 'xlsx'], ['report', 'xlsx'], ['export', 'xlsx'],
  ])('%s -f %s: every XML part is well-formed, and the title is there', async (kind, format) => {
    const out = join(dir, `${kind}.${format}`);
    const r = await cli([kind, plan, '--as-of', '2020-06-17', '-f', format, '-o', out, '--lang', 'zh']);
    expect(r.stderr).not.toMatch(/internal/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    let all = '';
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect(wellFormed(xml), name).toBeNull();
      all += xml;
    }
    // Every task is in the status table and the export; the week's table lists only the week's.
    if (kind === 'status' || kind === 'export') expect(all).toContain('第二行');
  });

  it('html: none of the forbidden characters, the title with a line break where the vertical tab was', async () => {
    const r = await cli(['export', plan, '--as-of', '2020-06-17', '-f', 'html', '--lang', 'zh']);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be there
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(r.stdout).toContain('第二行');
  });

  it('a unit\'s sheet keeps the title it was given: collecting it untouched finds nothing edited', async () => {
    const out = join(dir, 'sheets');
    // Exit 1: the seed plan has an error of its own (date/period-year); the sheets are written all the same.
    expect((await cli(['sheets', plan, '-o', out, '--as-of', '2020-06-10', '--lang', 'zh'])).code).toBe(1);
    const files = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    let titled = 0;
    for (const f of files) {
      const zip = await JSZip.loadAsync(readFileSync(join(out, f)));
      for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) expect(wellFormed(await zip.file(name)!.async('string')), `${f} ${name}`).toBeNull();
      if ((await zip.file('xl/sharedStrings.xml')?.async('string'))?.includes('第二行')) titled++;
    }
    expect(titled).toBeGreaterThan(0);
    const r = await cli(['collect', plan, out, '--as-of', '2020-06-10', '--dry-run', '-f', 'json', '--lang', 'zh']);
    const findings = JSON.parse(r.stdout).findings as { rule: string }[];
    expect(findings.map((f) => f.rule)).not.toContain('sheet/edited');
    expect(findings.map((f) => f.rule)).not.toContain('sheet/not-a-sheet');
  });
});

describe('md, csv, html and ics on a terminal', () => {
  it.each(['md', 'csv', 'html', 'ics'])('export -f %s shows an ESC as \\x1b on a terminal, and keeps it in a file', async (format) => {
    const shown = await cli(['export', plan, '--as-of', '2020-06-17', '-f', format, '--lang', 'zh'], { tty: true });
    expect(shown.stdout).not.toContain('\x1b');
    // In HTML an ESC is a character XML forbids: U+FFFD, in a file too.
    expect(shown.stdout).toContain(format === 'html' ? '\uFFFD[31m' : '\\x1b[31m');
    if (format === 'csv' || format === 'ics') expect(shown.stdout).toContain('\r\n'); // line ends kept
    const out = join(dir, `raw.${format}`);
    await cli(['export', plan, '--as-of', '2020-06-17', '-f', format, '-o', out, '--lang', 'zh']);
    if (format !== 'html') expect(readFileSync(out, 'utf8')).toContain('\x1b[31m');
  });
});
