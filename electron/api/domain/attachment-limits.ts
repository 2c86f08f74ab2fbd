/** The largest attachment accepted: scans and photos fit; whole phone dumps do not belong here. */
export const maxAttachmentBytes = 20 * 1024 * 1024;
