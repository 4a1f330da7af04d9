// `campaign schema`: the plan schema bundled into one JSON document (for editors and other tools); with
// `--output KIND`, the published schema of that JSON output (schemas/output/KIND.schema.json) as it is.
import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import { helpText } from '../messages/help.js';
import { nearest } from '../model/nearest.js';
import { LocalCommand } from './program.js';
import { loadSchemas, outputSchemaKinds, outputSchemaText } from '../io/schemas.js';
import { bundleSchemas } from '../schema/bundle.js';
import type { CommandContext } from './context.js';

export default function schemaCommand(ctx: CommandContext): Command {
  // The kinds are the files there: a schema added to schemas/output/ is offered without a change here.
  const kinds = outputSchemaKinds();
  return new LocalCommand('schema', ctx.lang)
    .description(helpText(ctx.lang, 'cmd.schema'))
    .addOption(new Option('--output <kind>', helpText(ctx.lang, 'opt.schemaOutput', { kinds: kinds.join(ctx.lang === 'zh' ? '、' : ', ') })))
    .action((opts: { output?: string }) => {
      if (opts.output === undefined) {
        ctx.io.stdout(JSON.stringify(bundleSchemas(loadSchemas()), null, 2) + '\n');
        return;
      }
      if (!kinds.includes(opts.output)) {
        throw new UserError('cli/output-kind', { value: opts.output, suggestion: nearest(opts.output, kinds), allowed: kinds });
      }
      ctx.io.stdout(outputSchemaText(opts.output));
    });
}
