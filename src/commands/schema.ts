// `campaign schema`: the plan schema bundled into one JSON document (for editors and other tools).
import type { Command } from 'commander';
import { helpText } from '../messages/help.js';
import { LocalCommand } from './program.js';
import { loadSchemas } from '../io/schemas.js';
import { bundleSchemas } from '../schema/bundle.js';
import type { CommandContext } from './context.js';

export default function schemaCommand(ctx: CommandContext): Command {
  return new LocalCommand('schema', ctx.lang)
    .description(helpText(ctx.lang, 'cmd.schema'))
    .action(() => {
      ctx.io.stdout(JSON.stringify(bundleSchemas(loadSchemas()), null, 2) + '\n');
    });
}
