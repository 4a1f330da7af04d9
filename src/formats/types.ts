// What a renderer gets and gives back.
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../messages/types.js';
import type { Doc } from './doc.js';
import type { IsoDate } from '../calendar/dates.js';

/** A dated entry for a calendar (the ics format): a deadline, a due date. */
export interface CalendarEvent {
  /** Stable across exports, unique within the calendar. */
  uid: string;
  date: IsoDate;
  /** When the calendar entry was made: the report's as-of date (DTSTAMP), so that output is stable. */
  stamp: IsoDate;
  /** "HH:MM" for a deadline with a time of day. */
  time?: string;
  summary: string;
  description: string;
  category: string;
  /** Done, cancelled or submitted already: an alarm would only disturb. */
  settled?: boolean;
}

export interface Calendar { name: string; events: CalendarEvent[] }

export interface RenderInput {
  /** One document per plan (or one for the whole run). */
  docs: Doc[];
  /** The report data itself: what `json` prints. */
  data: unknown;
  /** The dated events, for kinds that have them: what `ics` writes. */
  calendar?: Calendar;
}

export interface RenderContext {
  lang: Lang;
  chalk: ChalkInstance;
  /** Terminal width for wrapping wide columns (table format). */
  width: number;
  /** Start CSV output with a UTF-8 byte order mark (Excel/WPS need it to read Chinese). */
  bom: boolean;
  /** Calendars: minutes before a deadline its alarm rings; null for none; undefined for the format's default. */
  alarm?: number | null;
}

export type Renderer = (input: RenderInput, ctx: RenderContext) => Promise<string | Uint8Array> | string | Uint8Array;
