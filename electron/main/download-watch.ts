import type { DownloadItem, Session } from 'electron';
import type { EventPayload } from '../api/events';

/**
 * Tells the window how each file it saved through a download ended. Chromium's own save
 * dialog writes the file; a write that fails there (disk full, no permission) had said
 * nothing, and the page took the rejected rows for saved. The save path is left as it is
 * (the dialog still asks), and only the name the page offered is told, never the path.
 */
export function watchDownloads(
  session: Pick<Session, 'on'>,
  notify: (payload: EventPayload<'download.finished'>) => void,
): void {
  session.on('will-download', (_event, item: DownloadItem) => {
    item.once('done', (_done, state) => notify({ fileName: item.getFilename(), state }));
  });
}
