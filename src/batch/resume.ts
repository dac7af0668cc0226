// --resume: which ids an earlier, possibly killed, run already wrote. A kill can leave the last
// line half-written: everything after the last complete, parseable line is cut off.
import fs from 'node:fs';

const CHUNK = 1 << 20;

export function completedIds(file: string): Set<string> {
  const done = new Set<string>();
  if (!fs.existsSync(file)) return done;
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    let pos = 0,
      goodEnd = 0,
      pending: Buffer[] = [],
      damaged = false;
    while (pos < size && !damaged) {
      const chunk = Buffer.alloc(Math.min(CHUNK, size - pos));
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0 && nl < n; nl = chunk.indexOf(10, from)) {
        pending.push(chunk.subarray(from, nl));
        const line = Buffer.concat(pending).toString('utf8');
        pending = [];
        if (line.trim()) {
          try {
            const o = JSON.parse(line) as { id?: unknown };
            if (typeof o.id === 'string') done.add(o.id);
          } catch {
            damaged = true;
            break;
          }
        }
        goodEnd = pos + nl + 1;
        from = nl + 1;
      }
      if (!damaged) pending.push(chunk.subarray(from, n));
      pos += n;
    }
    if (goodEnd < size) fs.ftruncateSync(fd, goodEnd);
  } finally {
    fs.closeSync(fd);
  }
  return done;
}
