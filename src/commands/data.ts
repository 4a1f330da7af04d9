// `campaign data`: the years each yearly table covers — holidays by year, themes by campaign and year,
// edition counts by observance — and where each entry comes from (built-in, or a user data file's path).
import { Option, type Command } from 'commander';
import { NATIONAL_CAMPAIGNS } from '../data/national-campaigns.js';
import type { Observance } from '../data/theme-types.js';
import { yearRuns } from '../calendar/dates.js';
import { builtinHolidayTable, holidayTable } from '../io/holidays.js';
import { dataSources } from '../io/user-data.js';
import { displayWidth } from '../formats/width.js';
import { helpText } from '../messages/help.js';
import { OBSERVANCE } from '../messages/zh.js';
import { withConfigOptions, runConfig, type ConfigOptions } from './config-input.js';
import type { CommandContext } from './context.js';
import { offers, resolveChoice } from './options.js';
import { LocalCommand } from './program.js';

const DATA_FORMATS = ['table', 'json'] as const;

/** The table's words in Chinese (the JSON keeps the English ones, for scripts). */
const ZH: Record<string, string> = { holidays: '节假日', themes: '主题', editions: '届次', 'built-in': '内置' };

interface Row { table: 'holidays' | 'themes' | 'editions'; campaign?: string; years: number[]; source: string }

/** Consecutive years with one source as one row. */
function runs(table: Row['table'], campaign: string | undefined, years: [number, string][]): Row[] {
  const rows: Row[] = [];
  for (const [y, source] of years.sort((a, b) => a[0] - b[0])) {
    const last = rows.at(-1);
    if (last && last.source === source) last.years.push(y);
    else rows.push({ table, ...(campaign ? { campaign } : {}), years: [y], source });
  }
  return rows;
}

export default function dataCommand(ctx: CommandContext): Command {
  return withConfigOptions(new LocalCommand('data', ctx.lang), ctx.lang)
    .description(helpText(ctx.lang, 'cmd.data'))
    .addOption(offers(new Option('-f, --format <format>', helpText(ctx.lang, 'opt.dataFormat')), DATA_FORMATS))
    .action((opts: ConfigOptions & { format?: string }) => {
      runConfig([], opts, ctx);
      const format = resolveChoice(opts.format, DATA_FORMATS);
      const src = dataSources();
      const yearOf = (d: string) => Number(d.slice(0, 4));
      const table = holidayTable();
      const builtin = builtinHolidayTable();
      const holidayYears = new Set([...Object.keys(table.holidays), ...Object.keys(table.workdays)].map(yearOf));
      const builtinYears = new Set([...Object.keys(builtin.holidays), ...Object.keys(builtin.workdays)].map(yearOf));
      for (const y of src.holidays.keys()) holidayYears.add(y);
      const rows: Row[] = [
        ...runs('holidays', undefined, [...holidayYears].filter((y) => src.holidays.has(y) || builtinYears.has(y)).map((y) => [y, src.holidays.get(y) ?? 'built-in'])),
        ...NATIONAL_CAMPAIGNS.flatMap((c) => runs('themes', c.id, c.themes.map((t) => [t.year, src.themes.get(`${c.id} ${t.year}`) ?? 'built-in']))),
        ...NATIONAL_CAMPAIGNS.flatMap((c) => c.editions.map((e): Row => ({
          table: 'editions', campaign: e.observance,
          years: [e.from, ...(e.to !== undefined ? [e.to] : [])], source: src.editions.get(e.observance) ?? 'built-in',
        }))),
      ];
      if (format === 'json') {
        ctx.io.stdout(`${JSON.stringify(rows.map((r) => (r.table === 'editions' ? { ...r, years: undefined, from: r.years[0], to: r.years[1] ?? null } : r)), null, 2)}\n`);
        return;
      }
      const zh = ctx.lang === 'zh';
      const word = (w: string) => (zh ? ZH[w] ?? w : w);
      // In Chinese the day or month by its name, then the id a data file names it by: 全民禁毒宣传月 drug-month.
      const themesOf = new Map<string, Observance>(NATIONAL_CAMPAIGNS.map((c) => [c.id, c.themesOf]));
      const named = (r: Row) => {
        if (!zh || !r.campaign) return r.campaign ?? '';
        const name = OBSERVANCE[r.table === 'themes' ? themesOf.get(r.campaign)! : (r.campaign as Observance)].replace(/[“”]/g, '');
        return `${name} ${r.campaign}`;
      };
      const lines = [
        zh ? ['数据', '活动/纪念日', '年份', '来源'] : ['table', 'campaign', 'years', 'source'],
        ...rows.map((r) => [word(r.table), named(r), r.table === 'editions' ? `${r.years[0]}–${r.years[1] ?? ''}` : yearRuns(r.years).join(', '), word(r.source)]),
      ];
      const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => displayWidth(l[i]!))));
      const pad = (c: string, w: number) => c + ' '.repeat(w - displayWidth(c));
      for (const l of lines) ctx.io.stdout(`${l.map((c, i) => (i < 3 ? pad(c, widths[i]!) : c)).join('  ')}\n`);
    });
}
