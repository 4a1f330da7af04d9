// A text quoted in “”: the “” already in it (a plan title such as 青石镇2026年“安全生产月”活动方案) become
// ‘’, as Chinese usage (and English) nests quotation marks — single inside double — rather than “ in “.

/** The text with its double quotation marks turned single, to stand inside “”. */
export const nestQuotes = (text: string): string => text.replace(/“/g, '‘').replace(/”/g, '’');

/** The text (a value as a template would write it) in “”, with any “” inside it turned into ‘’: quoted('“安全生产月”活动') is “‘安全生产月’活动”. */
export const quoted = (text: unknown): string => `“${nestQuotes(String(text))}”`;
