// The calendar module: exact values for the dates plans are made of, every day of 1900–2100 checked
// against date-fns itself (so the module's shortcuts cannot drift from it), and the same results in
// time zones where local midnights go missing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { describe, expect, it } from 'vitest';
import { WEEKENDS_ONLY } from '../src/calendar/china.js';
import {
  addDays, addWorkingDays, dayOfMonthOrLast, dayOfWeek, daysBetween, daysInMonth, isLeapYear, isRealDate, isTimeOfDay, isWeekday, lastDayOfMonth,
  lastDayIn, localDate, monthStart, nthWeekdayOfMonth, parseWeek, weekStartingOn, toUtcDate, weekdayOnOrAfter, weekOf, withYear, workdayOnOrBefore,
} from '../src/calendar/dates.js';
import { loadCalendar } from '../src/io/holidays.js';
import { buildPlan } from '../src/model/build.js';
import { correctedPeriod } from '../src/model/period.js';

const china = loadCalendar();
const workday = china.isWorkday;

/** Every day from 1900-01-01 to 2100-12-31 with its year, month and day, made with the UTC Date API as the oracle. */
function everyDay(): { iso: string; y: number; m: number; d: number; utc: Date }[] {
  const out = [];
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
    const utc = new Date(t);
    const [y, m, d] = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()];
    out.push({ iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, y, m, d, utc });
  }
  return out;
}

describe('leap years and month ends', () => {
  it('knows the century rule', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('gives the length and the last day of every month', () => {
    const common = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(months.map((m) => daysInMonth(2023, m))).toEqual(common);
    expect(months.map((m) => daysInMonth(2024, m))).toEqual([31, 29, ...common.slice(2)]);
    expect(months.map((m) => lastDayOfMonth(2024, m))).toEqual([
      '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30',
      '2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31',
    ]);
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(1900, 2)).toBe('1900-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(dayOfMonthOrLast(2020, 4, 31)).toBe('2020-04-30');
    expect(dayOfMonthOrLast(2023, 2, 30)).toBe('2023-02-28');
    expect(dayOfMonthOrLast(2024, 2, 30)).toBe('2024-02-29');
    expect(dayOfMonthOrLast(2024, 3, 7)).toBe('2024-03-07');
  });

  it('reads years below 100 as written, not as 19xx', () => {
    expect(isLeapYear(0)).toBe(true); // 1900 was not
    expect(isRealDate('0000-02-29')).toBe(true);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });
});

describe('isRealDate', () => {
  it('accepts days that exist and nothing else', () => {
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2022-04-31')).toBe(false);
    expect(isRealDate('2022-12-31')).toBe(true);
    for (const bad of ['2020-13-01', '2020-00-10', '2020-01-00', '2020-01-32', '2020-1-01', '2020-01-1', '20200101', '2020-01-01T00:00', ' 2020-01-01', '']) {
      expect(isRealDate(bad), bad).toBe(false);
    }
  });
});

describe('weekdays', () => {
  it('names the known Sundays', () => {
    expect(dayOfWeek('2020-06-28')).toBe(0); // the Dragon Boat make-up working Sunday
    expect(dayOfWeek('2024-02-04')).toBe(0); // a Spring Festival make-up working Sunday
    expect(dayOfWeek('2023-06-25')).toBe(0);
    expect(dayOfWeek('2020-06-01')).toBe(1);
    expect(dayOfWeek('1900-01-01')).toBe(1);
    expect(dayOfWeek('2000-02-29')).toBe(2);
    expect(dayOfWeek('2100-12-31')).toBe(5);
    expect(isWeekday('2020-06-26')).toBe(true);
    expect(isWeekday('2020-06-27')).toBe(false);
  });

  it('finds the nth weekday of a month', () => {
    expect(nthWeekdayOfMonth(2013, 6, 0, 2)).toBe('2013-06-09'); // June 1st 2013 was a Saturday
    expect(nthWeekdayOfMonth(2002, 6, 0, 2)).toBe('2002-06-09');
    expect(nthWeekdayOfMonth(2008, 6, 0, 2)).toBe('2008-06-08'); // June 1st 2008 was a Sunday
    expect(nthWeekdayOfMonth(2020, 6, 5, 1)).toBe('2020-06-05');
    expect(nthWeekdayOfMonth(2020, 6, 1, 5)).toBe('2020-06-29');
  });

  it('finds the first given weekday on or after a date', () => {
    expect(weekdayOnOrAfter('2020-06-01', 5)).toBe('2020-06-05'); // the first Friday of June 2020
    expect(weekdayOnOrAfter('2020-06-05', 5)).toBe('2020-06-05');
    expect(weekdayOnOrAfter('2020-06-06', 5)).toBe('2020-06-12');
    expect(weekdayOnOrAfter('2020-12-28', 0)).toBe('2021-01-03');
  });

  it('finds the first of a month some months away, across year ends', () => {
    expect(monthStart('2024-01-31')).toBe('2024-01-01');
    expect(monthStart('2024-01-31', 1)).toBe('2024-02-01');
    expect(monthStart('2023-11-15', 2)).toBe('2024-01-01');
    expect(monthStart('2024-03-01', -3)).toBe('2023-12-01');
    expect(monthStart('2020-06-30', 24)).toBe('2022-06-01');
  });
});

describe('day arithmetic', () => {
  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-06-17', 0)).toBe('2020-06-17');
    expect(addDays('2020-06-01', 366)).toBe('2021-06-02');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2020-06-01', '2020-06-30')).toBe(29);
    expect(daysBetween('2019-12-31', '2020-01-01')).toBe(1);
    expect(daysBetween('2020-06-30', '2020-06-01')).toBe(-29);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
  });

  it('moves a date into another year, 29 February to the 28th in a common year', () => {
    expect(withYear('2019-06-01', 2020)).toBe('2020-06-01');
    expect(withYear('2024-02-29', 2023)).toBe('2023-02-28');
    expect(withYear('2024-02-29', 2028)).toBe('2028-02-29');
    expect(withYear('2023-02-28', 2024)).toBe('2024-02-28');
    expect(withYear('2020-12-31', 2019)).toBe('2019-12-31');
    // Any year a plan may carry, even one no Date can hold, gives an answer rather than an exception.
    expect(withYear('2020-06-01', -271822)).toBe('-271822-06-01');
    expect(withYear('2020-02-29', 300001)).toBe('300001-02-28');
    expect(withYear('2020-06-01', 5)).toBe('0005-06-01');
  });

  it('converts for spreadsheets and clocks without moving the day', () => {
    expect(toUtcDate('2020-06-12')).toEqual(new Date(Date.UTC(2020, 5, 12)));
    expect(localDate(new Date(2020, 5, 12, 23, 59))).toBe('2020-06-12');
    expect(localDate(new Date(2020, 5, 13, 0, 0))).toBe('2020-06-13');
  });
});

describe('ISO weeks', () => {
  it('names weeks around year ends', () => {
    expect(weekOf('2019-12-30')).toEqual({ week: '2020-W01', from: '2019-12-30', to: '2020-01-05' });
    expect(weekOf('2021-01-03')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(weekOf('2021-01-04')).toEqual({ week: '2021-W01', from: '2021-01-04', to: '2021-01-10' });
    expect(weekOf('2022-01-01')).toEqual({ week: '2021-W52', from: '2021-12-27', to: '2022-01-02' });
    expect(weekOf('2020-06-28')).toEqual({ week: '2020-W26', from: '2020-06-22', to: '2020-06-28' });
  });

  it('parses weeks that exist and only those', () => {
    expect(parseWeek('2020-W53')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(parseWeek('2021-W53')).toBeUndefined();
    expect(parseWeek('2026-W53')).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-03' });
    expect(parseWeek('2020-W01')).toEqual({ week: '2020-W01', from: '2019-12-30', to: '2020-01-05' });
    expect(parseWeek('2021-W01')).toEqual({ week: '2021-W01', from: '2021-01-04', to: '2021-01-10' });
    expect(parseWeek('2020-W00')).toBeUndefined();
    expect(parseWeek('2020-W54')).toBeUndefined();
    expect(parseWeek('2020-W5')).toBeUndefined();
  });
});

describe('weeks that start on another day', () => {
  it('finds the Friday-to-Thursday week of a date, across a year end', () => {
    expect(weekStartingOn('2020-06-18', 5)).toEqual({ from: '2020-06-12', to: '2020-06-18' }); // a Thursday: the week's last day
    expect(weekStartingOn('2020-06-19', 5)).toEqual({ from: '2020-06-19', to: '2020-06-25' }); // a Friday: its first
    expect(weekStartingOn('2021-01-02', 5)).toEqual({ from: '2021-01-01', to: '2021-01-07' });
    expect(weekStartingOn('2020-12-31', 5)).toEqual({ from: '2020-12-25', to: '2020-12-31' });
    expect(weekStartingOn('2020-06-17', 1)).toEqual({ from: '2020-06-15', to: '2020-06-21' }); // Monday weeks are ISO weeks
    expect(weekStartingOn('2020-06-21', 0)).toEqual({ from: '2020-06-21', to: '2020-06-27' });
  });

  it('names the day such a week ends on within an ISO week', () => {
    const w25 = parseWeek('2020-W25')!;
    expect(lastDayIn(w25, 1)).toBe('2020-06-21'); // Monday weeks end on its Sunday
    expect(lastDayIn(w25, 5)).toBe('2020-06-18'); // Friday weeks on its Thursday
    expect(lastDayIn(w25, 0)).toBe('2020-06-20'); // Sunday weeks on its Saturday
    expect(lastDayIn(w25, 2)).toBe('2020-06-15'); // Tuesday weeks on its Monday
    expect(lastDayIn(parseWeek('2020-W53')!, 5)).toBe('2020-12-31');
  });
});

describe('working days through the calendar', () => {
  it('counts across the 2020 Dragon Boat holiday (25–27 June off, Sunday 28 June worked)', () => {
    expect([25, 26, 27, 28].map((d) => workday(`2020-06-${d}`))).toEqual([false, false, false, true]);
    expect(addWorkingDays('2020-06-24', 1, workday)).toBe('2020-06-28');
    expect(addWorkingDays('2020-06-24', 2, workday)).toBe('2020-06-29');
    expect(addWorkingDays('2020-06-22', 5, workday)).toBe('2020-06-30');
    expect(addWorkingDays('2020-06-29', -1, workday)).toBe('2020-06-28');
    expect(addWorkingDays('2020-06-29', -2, workday)).toBe('2020-06-24');
    expect(addWorkingDays('2020-06-25', 0, workday)).toBe('2020-06-25');
    // Weekends only, the same count runs into the holiday and skips the Sunday.
    expect(addWorkingDays('2020-06-24', 1, WEEKENDS_ONLY.isWorkday)).toBe('2020-06-25');
    expect(addWorkingDays('2020-06-24', 3, isWeekday)).toBe('2020-06-29');
  });

  it('counts across the 2024 Spring Festival (10–17 February off, Sundays 4 and 18 February worked)', () => {
    expect(workday('2024-02-04')).toBe(true);
    expect(workday('2024-02-18')).toBe(true);
    expect(workday('2024-02-12')).toBe(false);
    expect(addWorkingDays('2024-02-02', 1, workday)).toBe('2024-02-04');
    expect(addWorkingDays('2024-02-08', 1, workday)).toBe('2024-02-09');
    expect(addWorkingDays('2024-02-08', 2, workday)).toBe('2024-02-18');
    expect(addWorkingDays('2024-02-08', 3, workday)).toBe('2024-02-19');
    expect(addWorkingDays('2024-02-09', 10, workday)).toBe('2024-02-29'); // 18, 19–23, 26–29
    expect(addWorkingDays('2024-02-19', -2, workday)).toBe('2024-02-09');
  });

  it('refuses a fraction or a calendar without working days', () => {
    expect(() => addWorkingDays('2020-06-24', 1.5, workday)).toThrow(RangeError);
    expect(() => addWorkingDays('2020-06-24', 1, () => false)).toThrow(RangeError);
  });

  it('finds the working day on or before a date', () => {
    expect(workdayOnOrBefore('2020-06-27', workday)).toBe('2020-06-24');
    expect(workdayOnOrBefore('2020-06-28', workday)).toBe('2020-06-28');
    expect(workdayOnOrBefore('2020-06-28')).toBe('2020-06-26'); // weekends only
    expect(workdayOnOrBefore('2024-02-17', workday)).toBe('2024-02-09');
    expect(workdayOnOrBefore('2024-02-04', workday)).toBe('2024-02-04');
    expect(workdayOnOrBefore('2020-10-08', workday)).toBe('2020-09-30'); // National Day and Mid-Autumn, 1–8 October
  });
});

describe('plans with numbers no Date can hold', () => {
  // date-fns throws on an invalid Date; the model must not hand it one, whatever the plan says.
  it('corrects the period into any year, and leaves out a monthly day outside 1–31', () => {
    const period = { start: '2019-06-01', end: '2019-06-30' };
    expect(correctedPeriod(buildPlan({ year: -271822, period }))).toEqual({ start: '-271822-06-01', end: '-271822-06-30' });
    const reports = [0, -1e15, 1e300, 32].map((day, i) => ({ id: `m${i}`, every: 'month', day }));
    const plan = buildPlan({ year: 2020, period: { start: '2020-06-01', end: '2020-07-31' }, reports });
    for (const r of plan.reports) {
      expect(r.day).toBeUndefined();
      expect(r.deadlines.map((d) => d.due)).toEqual(['2020-06-01', '2020-07-01']);
    }
    const last = buildPlan({ period: { start: '2020-06-01', end: '2020-07-31' }, reports: [{ id: 'm', every: 'month', day: 31 }] });
    expect(last.reports[0]!.deadlines.map((d) => [d.scheduled, d.due])).toEqual([['2020-06-30', '2020-06-30'], ['2020-07-31', '2020-07-31']]);
  });
});

describe('every day of 1900–2100 agrees with date-fns', () => {
  const days = everyDay();

  it('weekday, real date, month length, next and previous day, distance', () => {
    expect(days).toHaveLength(73_414);
    let previous: string | undefined;
    days.forEach(({ iso, y, m, d, utc }, i) => {
      const direct = getDay(new UTCDateMini(utc.getTime())); // date-fns with no memo in between
      if (dayOfWeek(iso) !== direct || direct !== utc.getUTCDay()) throw new Error(`${iso}: weekday ${dayOfWeek(iso)}, date-fns ${direct}`);
      if (!isRealDate(iso)) throw new Error(`${iso} is real`);
      if (d === 1 && daysInMonth(y, m) !== getDaysInMonth(new UTCDateMini(utc.getTime()))) throw new Error(`${iso}: month length`);
      // The day after the month's last (the 29th–31st that do not exist) is not real.
      if (d === daysInMonth(y, m) && d < 31 && isRealDate(`${iso.slice(0, 8)}${d + 1}`)) throw new Error(`${iso.slice(0, 8)}${d + 1} is not real`);
      if (previous !== undefined && (addDays(previous, 1) !== iso || addDays(iso, -1) !== previous)) throw new Error(`${previous} → ${iso}`);
      if (daysBetween('1900-01-01', iso) !== i || daysBetween(iso, '1900-01-01') !== -i) throw new Error(`${iso}: ${daysBetween('1900-01-01', iso)} days from 1900-01-01, not ${i}`);
      const fromY2k = differenceInCalendarDays(new UTCDateMini(utc.getTime()), new UTCDateMini(Date.UTC(2000, 0, 1)));
      if (daysBetween('2000-01-01', iso) !== fromY2k || daysBetween(iso, '2000-01-01') !== -fromY2k) throw new Error(`${iso}: days from 2000-01-01`);
      previous = iso;
    });
  });
});

describe('no time zone shifts a day', () => {
  // The same computations in separate processes: UTC, the first time zone of the world (which skipped
  // 1994-12-31 entirely) and one behind UTC with daylight saving time.
  const ROOT = fileURLToPath(new URL('..', import.meta.url));
  const DATES = pathToFileURL(`${ROOT}dist/calendar/dates.js`).href;
  const script = `
    const m = await import(${JSON.stringify(DATES)});
    const { isExists } = await import('date-fns/isExists');
    const out = [];
    for (let d = '1900-01-01'; d <= '2100-12-31'; d = m.addDays(d, 1)) {
      out.push(d, m.dayOfWeek(d), m.addDays(d, -1), m.isRealDate(d), m.daysBetween('2000-01-01', d), m.withYear(d, 2023));
      if (d.endsWith('-01')) out.push(m.lastDayOfMonth(+d.slice(0, 4), +d.slice(5, 7)), m.isLeapYear(+d.slice(0, 4)));
      if (d.endsWith('1')) out.push(m.weekOf(d).week, m.weekOf(d).from, m.parseWeek(m.weekOf(d).week)?.to, m.addWorkingDays(d, 3), m.workdayOnOrBefore(d));
    }
    out.push(m.nthWeekdayOfMonth(2013, 6, 0, 2), m.toUtcDate('1994-12-31').toISOString());
    const { createHash } = await import('node:crypto');
    console.log(JSON.stringify({
      digest: createHash('sha256').update(JSON.stringify(out)).digest('hex'),
      sample: [m.dayOfWeek('1994-12-31'), m.addDays('1994-12-30', 1), m.weekOf('1994-12-31'), m.daysBetween('1994-12-30', '1995-01-01'), m.isRealDate('1994-12-31'),
        m.lastDayOfMonth(1994, 12), m.addDays('2020-03-08', 1), m.addDays('2020-11-01', 1), m.daysBetween('2020-03-01', '2020-04-01')],
      offset: new Date(2020, 0, 1).getTimezoneOffset(),
      localSkipsDay: !isExists(1994, 11, 31),
    }));`;
  const runIn = (tz: string) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { digest: string; sample: unknown[]; offset: number; localSkipsDay: boolean };
  };

  it('gives the same answers in UTC, Pacific/Kiritimati and America/Los_Angeles', () => {
    const utc = runIn('UTC');
    const kiritimati = runIn('Pacific/Kiritimati');
    const losAngeles = runIn('America/Los_Angeles');
    // The zones are really in force: a local-time check (date-fns isExists) loses 1994-12-31 in Kiritimati.
    expect([utc.offset, kiritimati.offset, losAngeles.offset]).toEqual([0, -840, 480]);
    expect([utc.localSkipsDay, kiritimati.localSkipsDay, losAngeles.localSkipsDay]).toEqual([false, true, false]);
    expect(utc.sample).toEqual([6, '1994-12-31', { week: '1994-W52', from: '1994-12-26', to: '1995-01-01' }, 2, true, '1994-12-31', '2020-03-09', '2020-11-02', 31]);
    expect(kiritimati.sample).toEqual(utc.sample);
    expect(losAngeles.sample).toEqual(utc.sample);
    expect(kiritimati.digest).toBe(utc.digest);
    expect(losAngeles.digest).toBe(utc.digest);
  }, 120_000); // three Node processes over every day of the calendar: 35 s on a busy machine
});

describe('isTimeOfDay: the clock time the model and the importer keep is the one the schema accepts', () => {
  // The schema's pattern and the code's are written twice (JSON Schema and TypeScript): a time one accepts
  // and the other not would be a valid plan with no time in its ICS, or a time validate rejects.
  const schema = JSON.parse(readFileSync(new URL('../schemas/report.schema.json', import.meta.url), 'utf8'));
  const pattern = new RegExp(schema.properties.time.pattern, 'u');
  const samples = ['00:00', '09:05', '12:00', '19:59', '20:00', '23:59', '24:00', '9:00', '12:60', '12:5', '1200', '12.00', '12：00',
    '１２:００', ' 12:00', '12:00 ', '12:00\n', '\n12:00', '12:00:00', '', '-1:00', '2a:00', '٣:٠٠'];
  for (const s of samples) {
    it(JSON.stringify(s), () => expect(isTimeOfDay(s)).toBe(pattern.test(s)));
  }
  it('accepts every minute of the day and nothing past it', () => {
    const minutes = Array.from({ length: 24 * 60 }, (_, i) => `${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`);
    expect(minutes.every(isTimeOfDay)).toBe(true);
    expect(['24:00', '23:60', '30:00'].some(isTimeOfDay)).toBe(false);
  });
});
