// Progress on stderr: a bar on a terminal (or with --progress), and a summary line at the end.
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private last = 0;

  constructor(private readonly out: NodeJS.WriteStream | NodeJS.WritableStream, private readonly live: boolean, private readonly total: number | null) {}

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    const now = Date.now();
    if (this.live && now - this.last > 200) { this.last = now; this.draw(); }
  }

  private rate(): number { return this.done / Math.max(0.001, (Date.now() - this.started) / 1000); }

  private draw(): void {
    const rate = this.rate();
    let line = `${this.done}${this.total ? `/${this.total}` : ''} articles, ${this.failed} failed, ${rate.toFixed(1)}/s`;
    if (this.total) {
      const width = 24, filled = Math.round((this.done / this.total) * width);
      const eta = rate > 0 ? Math.max(0, (this.total - this.done) / rate) : 0;
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}, ETA ${eta.toFixed(0)} s`;
    }
    this.out.write(`\r${line}\x1b[K`);
  }

  finish(skipped: number): void {
    if (this.live) this.out.write('\n');
    const secs = (Date.now() - this.started) / 1000;
    this.out.write(`done ${this.done - this.failed}, failed ${this.failed}${skipped ? `, skipped ${skipped} (resume)` : ''}, elapsed ${secs.toFixed(1)} s\n`);
  }
}
