// What any reader of a document throws when the file cannot be read, and why — one kind of error for all of
// them (ZIP, compound file, Word, OFD, spreadsheet), so that the command tells a damaged file from an encrypted,
// an unsupported or an over-limit one by its `code`, not by its words. Also the bounded little-endian reads the
// binary containers are parsed with: a field outside the bytes is the file's damage, never an exception of ours.

/** Why a file could not be read. */
export type ReadProblem = 'damaged' | 'encrypted' | 'unsupported' | 'too-large';

export class ReadError extends Error {
  constructor(message: string, readonly code: ReadProblem = 'damaged') {
    super(message);
    this.name = 'ReadError';
  }
}

/** Little-endian reads that throw the caller's error for a field outside the bytes. */
export function littleEndian(outside: () => Error): { u16: (b: Uint8Array, o: number) => number; u32: (b: Uint8Array, o: number) => number; i32: (b: Uint8Array, o: number) => number } {
  const u16 = (b: Uint8Array, o: number): number => {
    if (o < 0 || o + 2 > b.length) throw outside();
    return b[o]! | (b[o + 1]! << 8);
  };
  const u32 = (b: Uint8Array, o: number): number => {
    if (o < 0 || o + 4 > b.length) throw outside();
    return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
  };
  return { u16, u32, i32: (b, o) => u32(b, o) | 0 };
}
