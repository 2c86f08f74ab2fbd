/**
 * The largest attachment accepted: a phone extraction report, a video or a scanned 卷宗 fits.
 * Files are streamed and encrypted in chunks outside the database, so memory stays bounded.
 */
export const maxAttachmentBytes = 4 * 1024 * 1024 * 1024;

/**
 * The largest file sent inline as base64 (the browser host and small uploads from the renderer,
 * previews): anything bigger goes by path (Electron main, the CLI) so it is never held whole.
 */
export const maxInlineAttachmentBytes = 32 * 1024 * 1024;

/** Plaintext bytes per encrypted chunk of an attachment file. */
export const attachmentChunkBytes = 1024 * 1024;
