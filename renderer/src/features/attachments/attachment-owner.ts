import type { AttachmentRow } from '../../../../electron/api/schemas/attachment-schemas';

/** Something in the case a file can be linked to (a person, an identifier, a seizure, an event). */
export interface AttachmentOwner {
  ownerType: AttachmentRow['ownerType'];
  ownerId: string;
  label: string;
}

/** One string per owner, for a select's value and a map's key. */
export const ownerKey = (owner: Pick<AttachmentOwner, 'ownerType' | 'ownerId'>) =>
  `${owner.ownerType}:${owner.ownerId}`;
