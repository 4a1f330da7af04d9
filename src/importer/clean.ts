// The ends of a line as official layouts leave them: full-width, no-break and BOM spaces are not content.
// A module of its own so that the PDF reader's process loads nothing else of the importer.
export const clean = (s: string): string => s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
