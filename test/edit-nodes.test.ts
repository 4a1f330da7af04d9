// What the edit layer reads off a parsed plan (src/edit/nodes.ts): the node at a path and whether a flow
// collection ([…] or {…}) is on the way, a list item's dash, and how deep the file indents a list and a
// mapping under their key — which every line `update` adds follows.
import { describe, expect, it } from 'vitest';
import { parseDocument, type Document, type Node } from 'yaml';
import { childAt, dashOf, indentSteps, walk } from '../src/edit/nodes.js';

const doc = (text: string) => parseDocument(text) as Document.Parsed;
/** The column of an offset, as the edit layer counts it: characters since the line's start. */
const columnIn = (text: string) => (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
const steps = (text: string) => indentSteps(doc(text), text, columnIn(text));

describe('the child at one step of a path', () => {
  const root = doc('a: 1\n2: two\nlist: [x, y]\n').contents as Node;
  it('a mapping\'s value by its key, whatever the key\'s type; a key it lacks is nothing', () => {
    expect(String(childAt(root, 'a'))).toBe('1');
    expect(String(childAt(root, 2))).toBe('two');
    expect(childAt(root, 'b')).toBeUndefined();
  });
  it('a list\'s item by its index only; a scalar has no child', () => {
    const list = childAt(root, 'list');
    expect(String(childAt(list, 1))).toBe('y');
    expect(childAt(list, '1')).toBeUndefined();
    expect(childAt(childAt(root, 'a'), 0)).toBeUndefined();
    expect(childAt(undefined, 'a')).toBeUndefined();
  });
});

describe('walking a path, and whether it passes through a flow collection', () => {
  const d = doc('tasks:\n  - id: "1"\n    lead: [edu]\n    meta: {a: 1}\n');
  it('all in block style: no flow', () => {
    expect(walk(d, ['tasks', 0, 'id'])).toStrictEqual({ node: childAt(childAt(childAt(d.contents as Node, 'tasks'), 0), 'id'), flow: false });
    expect(walk(d, ['tasks', 0]).flow).toBe(false);
  });
  it('a flow collection at the end of the path, or around it', () => {
    expect(walk(d, ['tasks', 0, 'lead']).flow).toBe(true);
    expect(walk(d, ['tasks', 0, 'lead', 0])).toMatchObject({ flow: true });
    expect(String(walk(d, ['tasks', 0, 'lead', 0]).node)).toBe('edu');
  });
  it('a path that leaves the document: nothing there, and the flow seen on the way', () => {
    expect(walk(d, ['tasks', 0, 'meta', 'b'])).toStrictEqual({ node: undefined, flow: true });
    expect(walk(d, ['tasks', 0, 'note', 'x'])).toStrictEqual({ node: undefined, flow: false });
    expect(walk(d, ['tasks', 3])).toStrictEqual({ node: undefined, flow: false });
  });
});

describe('the dash of a list item', () => {
  it('is found back from the item, over the spaces after it', () => {
    const text = 'tasks:\n  -   a\n';
    const item = (doc(text).contents as { items: { value: { items: Node[] } }[] }).items[0]!.value.items[0]!;
    expect(dashOf(text, item)).toBe(text.indexOf('-'));
  });
  it('an item that itself starts with a dash is not mistaken for its own dash', () => {
    const text = '- -x\n';
    const item = (doc(text).contents as { items: Node[] }).items[0]!;
    expect(dashOf(text, item)).toBe(0);
  });
});

describe('how deep the file indents under a key', () => {
  it('a list and a mapping, each from the first of its kind', () => {
    expect(steps('tasks:\n  - id: 1\nmeta:\n    a: 1\n')).toEqual({ seq: 2, map: 4 });
    expect(steps('tasks:\n- id: 1\n')).toEqual({ seq: 0, map: 2 });
    expect(steps('a:\n   - x\nd:\n - y\n')).toEqual({ seq: 3, map: 2 });
    expect(steps('a:\n   b: 1\nc:\n d: 1\n')).toEqual({ seq: 2, map: 3 });
  });
  it('found past keys of plain values, and measured from a key that is itself indented', () => {
    expect(steps('title: x\ntasks:\n    - a\n')).toEqual({ seq: 4, map: 2 });
    expect(steps('x:\n  tasks:\n     - a\n')).toEqual({ seq: 3, map: 2 });
    expect(steps('- x:\n     y: 1\n')).toEqual({ seq: 2, map: 3 });
  });
  it('flow collections say nothing of it; with nothing to go by, 2', () => {
    expect(steps('a: [1]\nb: {c: 1}\n')).toEqual({ seq: 2, map: 2 });
    expect(steps('a: [1]\nb:\n   - 2\n')).toEqual({ seq: 3, map: 2 });
    expect(steps('a: {c: 1}\nb:\n     c: 1\n')).toEqual({ seq: 2, map: 5 });
    expect(steps('title: x\n')).toEqual({ seq: 2, map: 2 });
  });
});
