import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliReferenceMarkdown } from '../../../src/cli/cliReferenceMarkdown.ts';
import { loadCommands } from '../../../src/cli/commands/index.ts';
import { configJsonSchema, configReferenceMarkdown } from '../../../src/config/configReference.ts';
import { markedBlock } from '../../../scripts/replaceMarkedBlock.ts';

const root = new URL('../../../', import.meta.url);
const stale = 'is out of date: run `npm run references` and commit the result';

describe('generated references', () => {
  it('the editor JSON Schema matches the config schema', () => {
    const committed = JSON.parse(readFileSync(new URL('src/config/almanac.config.schema.json', root), 'utf8'));
    expect(committed, `src/config/almanac.config.schema.json ${stale}`).toEqual(configJsonSchema());
  });

  it('the README configuration and CLI references match the code', async () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(markedBlock(readme, 'config-reference'), `README configuration reference ${stale}`).toBe(
      configReferenceMarkdown(),
    );
    expect(markedBlock(readme, 'cli-reference'), `README CLI reference ${stale}`).toBe(
      cliReferenceMarkdown(await loadCommands()),
    );
  });

  it('documents every config field with a description', () => {
    for (const line of configReferenceMarkdown().split('\n').slice(2)) {
      expect(line, 'every config field needs .describe()').not.toMatch(/\|\s*\|$/);
    }
  });
});
