import type { Command } from '../Command.ts';
import { notYetAvailable } from '../notYetAvailable.ts';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Write a deterministic simulated fleet history into Redis or the warehouse.',
  usage: 'simulate --days N --seed S [--redis URL --layout emp | --warehouse]',
  options: {
    days: { type: 'string', valueName: 'N', description: 'Days of history (default 90).' },
    seed: { type: 'string', valueName: 'S', description: 'Random seed; the same seed gives the same fleet.' },
    end: { type: 'string', valueName: 'DATE', description: 'Last simulated day (default: yesterday).' },
    redis: { type: 'string', valueName: 'URL', description: 'Write into this Redis in the emp layout.' },
    layout: { type: 'string', valueName: 'emp', description: 'Redis layout to write (emp).' },
    warehouse: { type: 'boolean', description: 'Write straight into the warehouse.' },
    machines: { type: 'string', valueName: 'M', description: 'Fleet size (default 50).' },
    'jobs-per-day': { type: 'string', valueName: 'J', description: 'Average jobs per day.' },
    live: { type: 'boolean', description: 'Keep the fleet running in real time (with --redis).' },
    rate: { type: 'string', valueName: 'R', description: 'Jobs per second in --live mode.' },
    duration: { type: 'string', valueName: 'D', description: 'How long --live runs, e.g. 10m.' },
  },
  async run() {
    notYetAvailable('simulate', 'issue #3 (fleet simulator)');
  },
};
