import type { Clock } from '../../electron/core/clock';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = '2026-11-23T08:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
