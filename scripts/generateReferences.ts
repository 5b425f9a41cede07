// Regenerates src/config/almanac.config.schema.json and the configuration and CLI tables in README.md from the
// zod schema and the command registry. `npm run references`; tests/unit/config/references.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchema, configReferenceMarkdown } from '../src/config/configReference.ts';
import { cliReferenceMarkdown } from '../src/cli/cliReferenceMarkdown.ts';
import { loadCommands } from '../src/cli/commands/index.ts';
import { replaceMarkedBlock } from './replaceMarkedBlock.ts';

const root = new URL('../', import.meta.url);
writeFileSync(
  new URL('src/config/almanac.config.schema.json', root),
  JSON.stringify(configJsonSchema(), null, 2) + '\n',
);
const readme = new URL('README.md', root);
let text = readFileSync(readme, 'utf8');
text = replaceMarkedBlock(text, 'config-reference', configReferenceMarkdown());
text = replaceMarkedBlock(text, 'cli-reference', cliReferenceMarkdown(await loadCommands()));
writeFileSync(readme, text);
process.stdout.write('updated src/config/almanac.config.schema.json and the README references\n');
