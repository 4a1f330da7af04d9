// What a starter plan is: its name, its description, and how it writes itself for a year and an organizer.
import type { IsWorkday } from '../calendar/dates.js';

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
