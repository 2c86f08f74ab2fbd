import type { DocumentFile } from '../../../../electron/api/schemas/briefing-schemas';
import { downloadUrl } from '../graph/downloads';

/** Saves a generated document (text or base64) as a file; in Electron this opens the save dialog. */
export function downloadDocument(file: DocumentFile): void {
  const bytes =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0))
      : new TextEncoder().encode(file.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  downloadUrl(url, file.fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
