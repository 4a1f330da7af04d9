// A message catalogue: message id → a function of the problem's data. One per language.
// biome-ignore lint/suspicious/noExplicitAny: replaced by typed message data (issue 10)
export type Data = Record<string, any>;
export type Catalogue = Record<string, (d: Data) => string>;
export type Lang = 'zh' | 'en';
