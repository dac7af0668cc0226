// Growth tests compare two sizes 8× apart: linear work gives about 8, n log n about 9–10,
// quadratic about 64. The limit leaves room for the noise of a shared 2-core machine (GC pauses,
// other processes) while a quadratic pass still fails by a factor of four. An earlier 4× pair with
// a limit of 6 failed CI once at 6.1 on linear code.
export const SMALL = 25_000;
export const LARGE = 200_000;
export const GROWTH_LIMIT = 16;

/**
 * The cheapest of a few runs, in CPU milliseconds of this process (not wall time: waiting for a
 * core is not our growth). `setup` runs outside the timing.
 */
export function cpuBest<T>(runs: number, fn: (input: T) => void, setup: () => T): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const input = setup();
    const c = process.cpuUsage();
    fn(input);
    const used = process.cpuUsage(c);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** time(large) / time(small), with a floor on the small time below which the ratio is only noise. */
export function growth(tSmall: number, tLarge: number, floorMs: number): number {
  if (process.env.GROWTH_DEBUG) console.log(expect.getState().currentTestName, tSmall.toFixed(1), tLarge.toFixed(1));
  return tLarge / Math.max(tSmall, floorMs);
}
