// Text into XML 1.0 (DOCX, XLSX, HTML): the characters XML forbids — C0 controls but tab, line feed and
// carriage return, U+FFFE, U+FFFF and surrogates without their pair — would make the file ill-formed, and
// Word, Excel and WPS refuse an ill-formed file. A vertical tab or form feed (Word's line and page break,
// pasted from a document) becomes a line break; any other becomes U+FFFD, so that something shows where it was.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY = new RegExp(FORBIDDEN.source); // not global: test() keeps no state between calls

export const xmlSafe = (text: string): string =>
  ANY.test(text) ? text.replace(FORBIDDEN, (c) => (c === '\v' || c === '\f' ? '\n' : '\ufffd')) : text;

/** Every string in a value made of arrays and plain objects, through xmlSafe; other values as they are. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}
