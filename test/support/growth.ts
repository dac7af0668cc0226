// Growth tests compare two sizes 8× apart: linear work gives about 8, n log n about 9, quadratic 64.
// The limit of 16 leaves room for the noise of a shared 2-core VM, where one 4× pair (50 KB / 200 KB,
// limit 6) measured 2.7 to 6.2 on the same linear code and failed CI once, while a quadratic pass
// still fails by a factor of four. Measured as robustly as the machine allows: CPU time of this
// process (waiting for a core is not our growth), small and large runs interleaved (so a burst of
// load hits both), and the cheapest of several runs of each.
export const SMALL = 25_000;
export const LARGE = 200_000;
export const GROWTH_LIMIT = 16;

function cpuMs<T>(fn: (input: T) => void, input: T): number {
  const c = process.cpuUsage();
  fn(input);
  const used = process.cpuUsage(c);
  return (used.user + used.system) / 1000;
}

/**
 * time(large) / time(small), each the cheapest of `runs` interleaved runs; `setup` builds a fresh
 * input outside the timing. Below `floorMs` the small time is only noise, so the floor stands in.
 */
export function growth<T>(
  fn: (input: T) => void,
  setup: (size: number) => T,
  opts: { runs?: number; floorMs: number; small?: number; large?: number },
): number {
  const { runs = 3, floorMs, small = SMALL, large = LARGE } = opts;
  cpuMs(fn, setup(small)); // warm up
  let tSmall = Infinity,
    tLarge = Infinity;
  for (let i = 0; i < runs; i++) {
    tSmall = Math.min(tSmall, cpuMs(fn, setup(small)));
    tLarge = Math.min(tLarge, cpuMs(fn, setup(large)));
  }
  if (process.env.GROWTH_DEBUG) console.log(expect.getState().currentTestName, tSmall.toFixed(1), tLarge.toFixed(1));
  return tLarge / Math.max(tSmall, floorMs);
}
