// A message catalogue: message id → a function of the problem's data. One per language.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;
export type Catalogue = Record<string, (d: Data) => string>;
export type Lang = 'zh' | 'en';
