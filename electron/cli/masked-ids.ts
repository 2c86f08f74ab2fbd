import { maskResidentId, parseResidentId } from '../api/domain/resident-id';
import { mayExportFullIds } from '../api/domain/roles';
import type { CliClient } from './cli-router';

/** A resident ID number standing alone in a text, 18 characters or the first generation's 15. */
const idLike = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/**
 * What the CLI prints or writes (`--json` into a file) is an export by another name: below a
 * lead, every resident ID number in it is masked (1501**********1234), as in the case export,
 * the chart's files and the briefing. On screen in the app a viewer still sees them.
 */
export async function idMaskFor(client: CliClient): Promise<<T>(value: T) => T> {
  const role = (await client.call('session.current', {})).session?.user.role;
  if (role && mayExportFullIds(role)) return (value) => value;
  const maskText = (text: string) =>
    text.replace(idLike, (found) => (parseResidentId(found).ok ? maskResidentId(found) : found));
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
