// Progress on stderr: a bar with ETA (cli-progress) on a terminal or with --progress, a counter
// when the total is unknown, and a summary line that ends every run.
import { SingleBar } from 'cli-progress';

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private readonly bar: SingleBar | null;

  constructor(
    private readonly out: NodeJS.WriteStream | NodeJS.WritableStream,
    live: boolean,
    total: number | null,
    private readonly noun = 'articles',
  ) {
    if (!live) {
      this.bar = null;
      return;
    }
    const format =
      total !== null
        ? `{bar} {percentage}% | {value}/{total} ${noun} | {failed} failed | {speed}/s | ETA {eta_formatted}`
        : `{value} ${noun} | {failed} failed | {speed}/s`;
    this.bar = new SingleBar({
      format,
      stream: out as NodeJS.WriteStream,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      fps: 5,
      etaBuffer: 50,
      hideCursor: false,
      clearOnComplete: false,
      barsize: 24,
    });
    this.bar.start(total ?? 0, 0, { failed: 0, speed: '0.0' });
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    this.bar?.update(this.done, { failed: this.failed, speed: this.rate().toFixed(1) });
  }

  private rate(): number {
    return this.done / Math.max(0.001, (Date.now() - this.started) / 1000);
  }

  /** The summary line; `extra` adds counts the caller keeps ("unchanged 3"). */
  finish(skipped = 0, extra = ''): void {
    this.bar?.stop();
    const secs = (Date.now() - this.started) / 1000;
    const parts = [
      `done ${this.done - this.failed}`,
      `failed ${this.failed}`,
      ...(extra ? [extra] : []),
      ...(skipped ? [`skipped ${skipped} (resume)`] : []),
    ];
    this.out.write(`${parts.join(', ')}, elapsed ${secs.toFixed(1)} s (${this.rate().toFixed(1)} ${this.noun}/s)\n`);
  }
}
