// Starter plans for `campaign init`, one file per template plus one registry line.
import type { IsWorkday } from '../calendar/dates.js';
import blank from './blank.js';
import safetyMonth from './safety-month.js';
import fireMonth from './fire-month.js';
import disasterWeek from './disaster-week.js';
import antiDrugMonth from './anti-drug-month.js';

export interface TemplateOptions {
  year: number;
  organizer: string;
  /** The plan schema's URL (or path), for the yaml-language-server line. */
  schemaRef: string;
  isWorkday: IsWorkday;
}

export interface Template {
  name: string;
  description: { en: string; zh: string };
  render(opts: TemplateOptions): string;
}

export const TEMPLATES: readonly Template[] = [safetyMonth, fireMonth, disasterWeek, antiDrugMonth, blank];
