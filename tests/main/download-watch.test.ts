import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../electron/api/events';
import { watchDownloads } from '../../electron/main/download-watch';

/** A download as Electron hands it over: its offered name, and `done` with how it ended. */
class FakeItem extends EventEmitter {
  constructor(private readonly name: string) {
    super();
  }
  getFilename() {
    return this.name;
  }
}

describe('files saved through the save dialog', () => {
  it('tell the window how each ended: a failed write (disk full, no permission) is said', () => {
    const session = new EventEmitter();
    const told: EventPayload<'download.finished'>[] = [];
    watchDownloads(session as unknown as Session, (payload) => told.push(payload));
    const items = ['话单.rejected.csv', '流水.rejected.csv', '图表.png'].map(
      (name) => new FakeItem(name),
    );
    for (const item of items) session.emit('will-download', {}, item);
    items[0]!.emit('done', {}, 'interrupted');
    items[1]!.emit('done', {}, 'completed');
    items[2]!.emit('done', {}, 'cancelled');
    // Once each: a second `done` is none.
    items[0]!.emit('done', {}, 'completed');
    expect(told).toEqual([
      { fileName: '话单.rejected.csv', state: 'interrupted' },
      { fileName: '流水.rejected.csv', state: 'completed' },
      { fileName: '图表.png', state: 'cancelled' },
    ]);
  });
});
