// XML (OFD's parts, Word 2003 XML) as a small tree, with saxes: strict (a broken file is an Error, not a
// guess), no DTD entities expanded (so no "billion laughs"), and no recursion while parsing.
import { SaxesParser } from 'saxes';

export interface XmlNode { name: string; attrs: Record<string, string>; children: (XmlNode | string)[] }

export const XML_LIMITS = { nodes: 2_000_000, depth: 256 };

/** Elements by local name (an "ofd:" or "w:" prefix dropped: producers differ in whether they write one). */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  let nodes = 0;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  parser.on('opentag', (tag) => {
    if (++nodes > XML_LIMITS.nodes || stack.length > XML_LIMITS.depth) throw new Error('XML too large or too deeply nested');
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[local(k)] = v;
    const node: XmlNode = { name: local(tag.name), attrs, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const text_ = (t: string) => stack[stack.length - 1]!.children.push(t);
  parser.on('text', text_);
  parser.on('cdata', text_);
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text.replace(/^\ufeff/, '')).close();
  const top = root.children.find((c): c is XmlNode => typeof c !== 'string');
  if (!top) throw new Error('XML with no root element');
  return top;
}

/** Child elements by name. */
export const kids = (n: XmlNode, name?: string): XmlNode[] => n.children.filter((c): c is XmlNode => typeof c !== 'string' && (!name || c.name === name));
export const kid = (n: XmlNode, name: string): XmlNode | undefined => kids(n, name)[0];
/** Every element by name below a node, in document order (iterative: deep files cannot overflow the stack). */
export function descendants(n: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const stack: XmlNode[] = [n];
  while (stack.length) {
    const e = stack.pop()!;
    if (e !== n && e.name === name) out.push(e);
    const k = kids(e);
    for (let i = k.length - 1; i >= 0; i--) stack.push(k[i]!);
  }
  return out;
}
/** The text inside a node. */
export function textIn(n: XmlNode): string {
  let s = '';
  const stack: (XmlNode | string)[] = [n];
  while (stack.length) {
    const e = stack.pop()!;
    if (typeof e === 'string') s += e;
    else for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return s;
}
