// The shells `campaign completion` writes a script for: one renderer each, over one spec of the program.
import { bashScript } from './bash.js';
import { powershellScript } from './powershell.js';
import type { CompletionSpec } from './spec.js';
import { zshScript } from './zsh.js';

export const SHELLS: Record<string, (spec: CompletionSpec) => string> = { bash: bashScript, zsh: zshScript, powershell: powershellScript };
