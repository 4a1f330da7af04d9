// `campaign schema`: the plan schema bundled into one JSON document (for editors and other tools).
import { Command } from 'commander';
import { loadSchemas } from '../io/schemas.js';
import { bundleSchemas } from '../schema/bundle.js';
import type { CommandContext } from './context.js';

export default function schemaCommand(ctx: CommandContext): Command {
  return new Command('schema')
    .description('print the plan JSON Schema, bundled into one file (打印方案的 JSON Schema)')
    .action(() => {
      ctx.io.stdout(JSON.stringify(bundleSchemas(loadSchemas()), null, 2) + '\n');
    });
}
