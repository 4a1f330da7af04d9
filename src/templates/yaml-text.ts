// Small helpers for writing template YAML by hand (so that it can carry comments).
import { scalarText } from '../edit/scalar.js';

export const q = (v: string): string => scalarText(v, true);
export const header = (schemaRef: string, comment: string): string =>
  `# yaml-language-server: $schema=${schemaRef}\n# ${comment}\nversion: 1\n`;
