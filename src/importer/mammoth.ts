// mammoth, the Word reader, as the importer loads it: made to read a file whose parts point at nothing.
// mammoth looks every link, picture and footnote up by its relationship id and takes what it finds as there —
// a hyperlink whose relationship is missing, a picture whose part is gone, a footnote reference with no
// footnotes part each ended in a TypeError ("Cannot read properties of undefined"), shown to the clerk as if
// it described the file. Word shows such a link as its text and such a reference as nothing; so does this.
// Checked by test/hostile-inputs.test.ts: an update of mammoth that changes what is patched fails there.
import type Mammoth from 'mammoth';

interface Relationships { findTargetByRelationshipId(id: string): string | undefined; findTargetsByType(type: string): string[] }
interface RelationshipsReader { readRelationships(element: unknown): Relationships; defaultValue: Relationships }

/** A relationship id that names nothing leads to an empty target: a link with no address, a picture never read. */
const forgiving = (r: Relationships): Relationships => ({
  findTargetByRelationshipId: (id) => r.findTargetByRelationshipId(id) ?? '',
  findTargetsByType: (type) => r.findTargetsByType(type),
});

let loaded: Promise<typeof Mammoth> | undefined;

export function loadMammoth(): Promise<typeof Mammoth> {
  loaded ??= Promise.all([
    import('mammoth'),
    // @ts-expect-error a module of mammoth's own, without types
    import('mammoth/lib/docx/relationships-reader.js') as Promise<{ default: RelationshipsReader }>,
  ]).then(([m, { default: reader }]) => {
    const read = reader.readRelationships;
    reader.readRelationships = (element) => forgiving(read(element));
    reader.defaultValue = forgiving(reader.defaultValue);
    return m.default;
  });
  return loaded;
}

interface Element { type: string; children?: Element[]; noteType?: string; noteId?: string }
interface WordDocument extends Element { notes: { resolve(reference: Element): unknown } }

/** The document without the footnote and endnote references whose note is not in it (mammoth's transformDocument). */
export function withoutDanglingNotes<T>(document: T): T {
  const doc = document as unknown as WordDocument;
  const prune = (e: Element): Element => {
    if (!e.children) return e;
    const children = e.children.filter((c) => c.type !== 'noteReference' || doc.notes.resolve(c) !== null).map(prune);
    return { ...e, children } as Element;
  };
  return { ...doc, children: doc.children!.map(prune) } as unknown as T;
}
