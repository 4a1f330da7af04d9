// Starter plans for `campaign init`, one file per template plus one registry line.
import blank from './blank.js';
import safetyMonth from './safety-month.js';
import fireMonth from './fire-month.js';
import disasterWeek from './disaster-week.js';
import antiDrugMonth from './anti-drug-month.js';
import type { Template } from './types.js';

export const TEMPLATES: readonly Template[] = [safetyMonth, fireMonth, disasterWeek, antiDrugMonth, blank];
