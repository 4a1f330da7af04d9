// Changing a plan file in place, as update, collect and validate --fix do: the verified edit, then a write
// that refuses when someone else changed the file since it was read.
import { existsSync } from 'node:fs';
import { createPatch } from 'diff';
import { UserError } from '../errors.js';
import { withLock } from '../io/lock.js';
import { writeFileAtomic } from '../io/write.js';
import { applyEdits, EditError, type EditOp } from '../edit/apply.js';
import { encodePlan, readBytes, readPlanFile, type PlanFile } from '../io/read.js';
import { loadCalendar } from '../io/holidays.js';
import { buildPlan } from '../model/build.js';
import type { Plan } from '../model/types.js';
import { parseSource, withLineFeeds } from '../source/parse.js';
import { positionOf } from '../source/locate.js';
import yamlSyntax from '../rules/yaml/syntax.js';
import type { SyntaxProblem } from '../messages/tool-messages.js';

/** A plan that can be changed in place is a file: not standard input, and there (else the plain "no such file"). */
export async function refuseUneditable(file: string): Promise<void> {
  if (file === '-') throw new UserError('update/stdin');
  if (!existsSync(file)) await readPlanFile(file);
}

/** One writer at a time: `change` reads, changes and writes the plan under its lock. */
export const editLocked = <T>(file: string, change: (plan: { source: PlanFile; plan: Plan }) => Promise<T>): Promise<T> =>
  withLock(file, async () => change(await planToEdit(file)));

/** The change as a unified diff (--dry-run), in lines as YAML counts them (an old Mac file's lone CRs too). */
export const diffOf = (source: PlanFile, text: string): string => createPatch(source.name, withLineFeeds(source.text), withLineFeeds(text), '', '');

/** A plan read to be changed: its file as it is, and its model; a plan that is not YAML is refused with where. */
export async function planToEdit(file: string): Promise<{ source: PlanFile; plan: Plan }> {
  const source = await readPlanFile(file);
  const parsed = parseSource(source.text);
  const broken = parsed.issues[0];
  if (broken || parsed.data === undefined) {
    const { line, column } = positionOf(parsed, broken?.offset ?? 0);
    throw new UserError('update/syntax', { file, line, column, message: broken?.message.split('\n')[0] ?? '', syntax: syntaxProblem(parsed) }, 'findings');
  }
  return { source, plan: buildPlan(parsed.data, loadCalendar()) };
}

/** The file's first YAML problem as validate words it (yaml/syntax), for the message to say in the clerk's language. */
function syntaxProblem(parsed: ReturnType<typeof parseSource>): SyntaxProblem | undefined {
  let first: SyntaxProblem | undefined;
  const report = (p: { messageId: string; data: Record<string, unknown> }) => { first ??= { id: p.messageId, data: p.data } as SyntaxProblem; };
  yamlSyntax.check(parsed, { asOf: '1970-01-01', calendar: undefined as never, schema: undefined as never, report });
  return first;
}

/** The plan's text with the edits applied, or a user error that says the file was not changed. */
export function editedText(source: PlanFile, ops: readonly EditOp[]): string {
  try {
    return applyEdits(source.text, ops);
  } catch (err) {
    if (err instanceof EditError) throw new UserError('update/edit-failed', { file: source.name, reason: err.message });
    throw err;
  }
}

/**
 * Writes the new text atomically in the file's own encoding, unless the file changed since it was read:
 * into the file the name points to, keeping its mode, owner and group (see writeFileAtomic).
 */
export async function writeIfUnchanged(source: PlanFile, text: string): Promise<void> {
  if (!Buffer.from(await readBytes(source.name, 'plan')).equals(Buffer.from(source.bytes))) throw new UserError('update/changed', { file: source.name });
  writeFileAtomic(source.name, encodePlan(text, source.encoding), { inPlace: true });
}
