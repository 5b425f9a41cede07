/**
 * Waits for `work` at most `ms`, then moves on either way (its failure is ignored). For clean-up steps that a hung
 * browser could block; the timer is cleared so it never holds the process open.
 */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
