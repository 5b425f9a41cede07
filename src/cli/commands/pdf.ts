import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const pdfCommand: Command = {
  name: 'pdf',
  summary: 'Export PDFs for reports that lack one (or the one named), behind a print release gate.',
  usage: 'pdf [--report KIND:ID]',
  options: {
    report: { type: 'string', valueName: 'KIND:ID', description: 'Export this report only, e.g. daily:2026-11-21.' },
  },
  async run() {
    notYetAvailable('pdf', 'issue #7 (PDF export)');
  },
};
