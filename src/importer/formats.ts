// What kind of document a file is, from its bytes before its name: people send a plan as whatever their
// office saved — a .doc that is really RTF or a web page, a .wps that is really a .docx, a photo of the
// printed page. The containers it looks into (ZIP, the OLE compound file) are opened within their limits
// by src/containers/. Pure.
import { isOle, readOle } from '../containers/ole.js';
import { littleEndian, ReadError } from '../containers/read-error.js';
import { isZip, zipEntries } from '../containers/zip.js';
import { isUtf16, isUtf32 } from '../text/byte-order.js';

export type DocFormat = 'txt' | 'docx' | 'doc' | 'wps' | 'rtf' | 'pdf' | 'ofd' | 'xlsx' | 'xls' | 'csv' | 'image' | 'html' | 'unknown';

const { u32 } = littleEndian(() => new ReadError('damaged file: a field lies outside it', 'damaged'));

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A photo or scan: PNG, JPEG, TIFF, BMP, GIF, WebP, or a phone's HEIC. */
function isImage(b: Uint8Array): boolean {
  return starts(b, [0x89, 0x50, 0x4e, 0x47]) || starts(b, [0xff, 0xd8, 0xff]) || starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])
    || starts(b, ascii('BM')) && b.length > 14 && u32(b, 2) === b.length
    || starts(b, ascii('GIF8')) || (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8))
    || (starts(b, ascii('ftyp'), 4) && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(String.fromCharCode(...b.subarray(8, 12))));
}

/** The first KB as Latin-1 text, lower-cased, for markup and header sniffing (UTF-16 and UTF-32 text has its zero bytes dropped). */
function head(b: Uint8Array): string {
  const slice = b.subarray(0, 1024);
  const wide = isUtf16(slice) || isUtf32(slice);
  return String.fromCharCode(...(wide ? slice.filter((x) => x !== 0) : slice)).replace(/^\ufeff|^\xef\xbb\xbf/, '').toLowerCase();
}

/** Word 2003 XML (WordprocessingML): an XML file, read as a .doc. */
export const isWordXml = (b: Uint8Array): boolean => /^\s*<\?xml/.test(head(b)) && /<w:worddocument|progid="word\.document"/.test(head(b));

export const isRtf = (b: Uint8Array): boolean => /^\s*\{\\rtf/.test(head(b).slice(0, 16));

/** A web page (Word's "save as web page", an Excel sheet saved as HTML) or its single-file MHT form. */
export const isHtml = (b: Uint8Array): boolean => {
  const h = head(b);
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<table|<!--)/.test(h) || /<html[\s>]/.test(h) || isMht(b);
};
export const isMht = (b: Uint8Array): boolean => /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)*mime-version:/.test(head(b)) && /multipart\/related|text\/html/.test(head(b));

/** Plain text: no zero bytes in its first 4 KB, or a UTF-16 or UTF-32 byte order mark. */
function isText(b: Uint8Array): boolean {
  if (isUtf16(b) || isUtf32(b)) return true;
  return !b.subarray(0, 4096).includes(0);
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * What a file is, by its bytes first and its name only where bytes cannot tell (a .wps, CSV against plain
 * text). 'wps' is a .wps that is not a .docx: WPS Office's Word binary file, read like a .doc (wpsDocument),
 * or something older that cannot be read. A Word 2003 XML file says 'doc' (docDocument reads it).
 */
export function sniffFormat(bytes: Uint8Array, name: string): DocFormat {
  const ext = extension(name);
  if (bytes.length === 0) return ext === 'csv' ? 'csv' : 'txt';
  if (head(bytes).slice(0, 1024).includes('%pdf-')) return 'pdf';
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = zipEntries(bytes).map((e) => e.name.replace(/^\/+/, ''));
    } catch {
      // A damaged archive: its name says which reader should say what is wrong with it.
      return ext === 'docx' || ext === 'ofd' || ext === 'xlsx' ? ext : ext === 'wps' ? 'wps' : 'unknown';
    }
    const has = (n: string) => names.some((x) => x.toLowerCase() === n);
    if (has('word/document.xml') || names.some((x) => /^word\/document\d*\.xml$/i.test(x))) return 'docx';
    if (has('ofd.xml')) return 'ofd';
    if (has('xl/workbook.xml') || names.some((x) => /^xl\/workbook\d*\.xml$/i.test(x))) return 'xlsx';
    return 'unknown';
  }
  if (isOle(bytes)) {
    let streams: string[] | undefined;
    try {
      streams = readOle(bytes).names.map((n) => n.toLowerCase());
    } catch {
      // A damaged container: its name says which reader should say what is wrong with it.
    }
    if (streams?.includes('workbook') || streams?.includes('book')) return 'xls';
    if (streams?.includes('worddocument')) return ext === 'wps' ? 'wps' : 'doc';
    if (!streams) return ext === 'xls' || ext === 'et' ? 'xls' : ext === 'wps' ? 'wps' : 'doc';
    return ext === 'wps' ? 'wps' : 'unknown';
  }
  if (isImage(bytes)) return 'image';
  if (isRtf(bytes)) return 'rtf';
  if (isWordXml(bytes)) return 'doc';
  if (isHtml(bytes)) return 'html';
  if (ext === 'wps') return 'wps';
  if (!isText(bytes)) return 'unknown';
  return ext === 'csv' ? 'csv' : 'txt';
}
