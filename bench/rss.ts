import { readFileSync } from 'node:fs';

// Resident memory of a process, from /proc/<pid>/status (Linux), sampled on a timer.

export function readRssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peakKb = 0;
  private samples = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 200,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Stops sampling and returns the peak seen, in MB. */
  stop(): { peakMb: number | null; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return { peakMb: this.samples ? this.peakKb / 1024 : null, samples: this.samples };
  }

  private sample(): void {
    const kb = readRssKb(this.pid);
    if (kb === null) return;
    this.samples++;
    if (kb > this.peakKb) this.peakKb = kb;
  }
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat.
 * The kernel counts in clock ticks, 100 a second on Linux (USER_HZ).
 */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
