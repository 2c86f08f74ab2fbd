import type { TFunction } from 'i18next';
import type { SessionInfo } from '../../../electron/api/schemas/session-schemas';
import type { Classification } from '../../../electron/api/schemas/briefing-schemas';

/**
 * The second line of an exported picture's title (the map's, the timeline's): the period, the
 * day it was drawn, the unit and the user.
 */
export function pictureSubtitle(
  t: TFunction,
  session: SessionInfo,
  period: string,
  day: string,
): string {
  return [period, `${t('map.drawnOn')} ${day}`, session.unitName, session.user.displayName]
    .filter(Boolean)
    .join(' · ');
}

/** The classification mark printed on a picture (内部, 秘密, 机密), empty for none. */
export function classificationMark(t: TFunction, classification: Classification): string {
  return classification === 'none' ? '' : t(`briefings.classifications.${classification}`);
}
