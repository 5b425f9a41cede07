/** What a simulation run is asked for; the engine derives everything else from the seed. */
export interface SimOptions {
  seed: number;
  /** Exclusive end of the simulated history (epoch ms): the instant the keyspace is left "as of". */
  end: number;
  days: number;
  machines: number;
  /** Mean submitted steps per day over the range (weekdays above, weekends below, growing over time). */
  jobsPerDay: number;
  /**
   * Submissions at a steady `jobsPerDay` over the range, without the daily curve, weekends, growth or day-to-day
   * noise, and only the range itself is planned (live mode: a load generator, where a day's worth of arrivals at
   * 1,000 jobs/s would be 86 million).
   */
  steady?: boolean;
}

export const DAY_MS = 86_400_000;

export const DEFAULT_SIM_OPTIONS = { days: 90, machines: 50, jobsPerDay: 5000 } as const;
