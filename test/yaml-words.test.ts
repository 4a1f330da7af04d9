// The YAML reader's mistakes in the clerk's language (hostile report round 4, defect 11): under --lang zh a
// syntax error is said in Chinese, never with the reader's English sentence, and its hint fits the mistake
// (a key with no colon is not "a closing bracket or quote is missing"). The sentence stays in the data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlHintEn, yamlMistakeZh } from '../src/messages/yaml-words.js';
import { cli } from './helpers/in-process.js';

const EXAMPLE = readFileSync(new URL('../examples/shifan-2025.yaml', import.meta.url), 'utf8');
/** Two English words in a row: a sentence of the reader's, not a token such as %FOO or *nope. */
const ENGLISH = /[A-Za-z]{2,}[ ,.;:]+[A-Za-z]{2,}/;

/** Plans broken in one place each: the reader's codes and sentences, many of them. */
const BROKEN: Record<string, string> = {
  twodocs: `${EXAMPLE}\n---\nversion: 1\n`,
  alias: EXAMPLE.replace('title: 开展安全宣传', 'title: *nope'),
  reserved: EXAMPLE.replace('title: 开展安全宣传', 'title: @开展安全宣传'),
  backtick: EXAMPLE.replace('title: 开展安全宣传', 'title: `开展安全宣传'),
  directive: `%FOO bar\n---\n${EXAMPLE}`,
  blockind: EXAMPLE.replace('title: 开展安全宣传', 'title: >-7\n  x'),
  quote: EXAMPLE.replace('title: 开展安全宣传', 'title: "开展安全宣传'),
  single: EXAMPLE.replace('title: 开展安全宣传', "title: '开展安全宣传"),
  escape: EXAMPLE.replace('title: 开展安全宣传', 'title: "开展\\q安全宣传"'),
  flowcomma: 'version: 1\ntitle: x\nbasis: [a b, c,, d]\n',
  flowmap: 'version: 1\ntitle: x\np: {a: 1 b: 2}\n',
  unclosed: 'version: 1\ntitle: x\nbasis: [a, b\n',
  tab: 'version: 1\ntitle: x\nunits:\n\t- a\n',
  twoanchors: 'version: 1\ntitle: &a &b x\n',
  nocolon: 'version: 1\ntitle x\nyear: 2025\n',
  seqindent: 'version: 1\nbasis:\n  - a\n    - b\n - c\n',
};

describe('a YAML syntax error in Chinese under --lang zh (defect 11)', () => {
  it('the report\'s cases, word for word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-yaml-words-'));
    const said: Record<string, string[]> = {};
    for (const name of ['twodocs', 'alias', 'reserved', 'directive']) {
      writeFileSync(join(dir, `${name}.yaml`), BROKEN[name]!);
      const r = await cli(['validate', join(dir, `${name}.yaml`), '--lang', 'zh', '-f', 'compact']);
      expect(r.code).toBe(1);
      said[name] = r.stdout.split('\n').filter((l) => l.includes('yaml/syntax')).map((l) => l.replace(/^.*? error /, ''));
    }
    expect(said).toEqual({
      twodocs: ['YAML 语法错误：文件中有不止一个 YAML 文档（一个方案只能有一个 YAML 文档：请删除“---”行） [yaml/syntax]'],
      alias: ['YAML 语法错误：别名 *nope 之前没有锚点 &nope（以 * 开头的值是 YAML 别名，锚点须写在它之前；如是文字，请给整个值加上引号） [yaml/syntax]'],
      reserved: ['YAML 语法错误：不加引号的值不能以保留字符 @ 开头（如是文字，请给整个值加上引号） [yaml/syntax]'],
      directive: ['YAML 语法错误：未知的指令 %FOO（以 % 开头的行是 YAML 指令，方案不需要：请删除这一行） [yaml/syntax]'],
    });
  });

  it('every broken plan: Chinese words only under zh, the reader\'s sentence under en and in the JSON data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-yaml-words-'));
    for (const [name, text] of Object.entries(BROKEN)) {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, text);
      const zh = await cli(['validate', file, '--lang', 'zh', '-f', 'json']);
      const en = await cli(['validate', file, '--lang', 'en', '-f', 'json']);
      const findings = (out: string) => (JSON.parse(out) as { findings: { ruleId: string; message: string; data: { detail?: string } }[] }).findings.filter((f) => f.ruleId === 'yaml/syntax');
      const [z, e] = [findings(zh.stdout), findings(en.stdout)];
      expect(z.length, name).toBeGreaterThan(0);
      for (const f of z) expect(f.message, `${name}: ${f.message}`).not.toMatch(ENGLISH);
      // The data is the same in both languages: the reader's sentence, for scripts.
      expect(z.map((f) => f.data), name).toEqual(e.map((f) => f.data));
      for (const f of e) if (f.data.detail) expect(f.message).toContain(f.data.detail);
    }
  });

  it('a key with no colon is not told a bracket or quote is missing; a missing quote is told so', () => {
    expect(yamlMistakeZh('MISSING_CHAR', 'Implicit map keys need to be followed by map values')).not.toContain('括号');
    expect(yamlHintEn('MISSING_CHAR', 'Implicit map keys need to be followed by map values')).not.toMatch(/bracket|quote/);
    expect(yamlMistakeZh('MISSING_CHAR', 'Missing closing "quote')).toBe('缺少右引号 "（引号必须成对：值中的引号请改用另一种引号）');
  });

  it('a sentence of a newer reader is said by its code, and an unknown code in general words, never in English', () => {
    expect(yamlMistakeZh('BAD_INDENT', 'Some new sentence')).toBe('缩进有误（请对照上下文检查本行缩进）');
    expect(yamlMistakeZh('SOMETHING_NEW', 'Some new sentence')).toBe('无法解析此处的内容');
  });
});
