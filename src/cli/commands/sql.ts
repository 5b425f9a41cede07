import type { Command } from '../Command.ts';
import { formatTable } from '../formatTable.ts';
import { writeJson } from '../writeJson.ts';
import { runReadOnlyQuery } from '../../warehouse/runReadOnlyQuery.ts';

export const sqlCommand: Command = {
  name: 'sql',
  summary: 'Run a read-only query on the warehouse and print a table (or JSON with --json).',
  usage: 'sql "QUERY"',
  options: {},
  positionals: [1, 1],
  async run(context, args) {
    const warehouse = await context.openWarehouse({ readOnly: true });
    try {
      const result = await runReadOnlyQuery(warehouse, args.positionals[0]!);
      if (context.json) writeJson(context.stdout, result.rows);
      else context.stdout.write(formatTable(result.columns, result.rows));
    } finally {
      await warehouse.close();
    }
  },
};
