// The year a title states: "2020年", or the first year of "2023—2024年度" / "2023-2024年" (a plan across two
// years is the plan of the year it starts in); else a lone 19xx/20xx.
export interface TitleYear { year: number; text: string; index: number }

export function titleYear(title: string): TitleYear | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})\s*(?:[—–\-~～至到]\s*(?:19|20)?\d{2,4}\s*)?年/.exec(title) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(title);
  return m ? { year: Number(m[1]), text: m[1]!, index: m.index } : undefined;
}
