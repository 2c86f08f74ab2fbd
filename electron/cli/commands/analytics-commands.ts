import { decimalOf, yuanToFen } from '../../api/domain/quantity';
import { moneyPathText } from '../../api/domain/analysis-tables';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { caseIdOf, withSession, workspaceClock } from '../cli-router';
import type { CommandOptions } from '../command-options';

/** `--phones 13800000001,13900000002`: numbers or entity IDs. */
function listOption(value: string | undefined, name: string): string[] {
  const items = (value ?? '')
    .split(/[,，]/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (!items.length) throw new UsageError(`--${name} needs at least one value`);
  return items;
}

function wholeNumber(value: string | undefined, name: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return number;
}

/** `--window 10m`, `--window 1h`, `--window 90` (minutes). */
export function windowMinutes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*(m|min|h)?$/i.exec(value.trim());
  if (!match) throw new UsageError('--window takes minutes (10m) or hours (1h)');
  return Number(match[1]) * (match[2]?.toLowerCase() === 'h' ? 60 : 1);
}

/** Dates as typed (YYYY-MM-DD: China days, both inclusive) or ISO instants. */
function period(options: CommandOptions) {
  return {
    ...(options.from ? { from: typedInstant(options.from) } : {}),
    ...(options.to ? { to: typedInstant(options.to) } : {}),
  };
}

/**
 * A time as people type it (2024-04-01 21:00, 2024-04-01 21:00:30) is China time: given to the
 * API as an ISO instant with its offset. A day alone or an ISO instant stays as it is.
 */
function typedInstant(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  return match ? `${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00` : value;
}

const yuan = (fen: number) => decimalOf(fen, 2);

/** `--structuring-threshold 10000` (yuan, up to two decimals) → fen. */
function thresholdFen(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const fen = yuanToFen(value);
  if (fen === null || fen < 100)
    throw new UsageError('--structuring-threshold takes an amount in yuan, at least 1.00');
  return fen;
}

/** "N of TOTAL shown" under a paged result, so a cut list never reads as the whole. */
const shownOf = (shown: number, total: number) =>
  shown < total ? `\n(${shown} of ${total} shown; raise --limit for more)` : '';

/**
 * `contacts common|top|colocated|on-cell`: 话单碰撞, one phone's contact profile, 同基站伴随 and
 * who was on a base station, over the imported call records.
 */
export async function contactsCommand(
  action: string | undefined,
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  if (action === 'common') {
    const [result, at] = await withSession(
      options,
      secrets,
      async (client) =>
        [
          await client.call('analytics.commonContacts', {
            ...(options.phones ? { phones: listOption(options.phones, 'phones') } : {}),
            ...(options.case ? { caseId: await caseIdOf(client, options.case) } : {}),
            ...(!options.phones && !options.case
              ? { phones: listOption(undefined, 'phones') }
              : {}),
            minTargets: wholeNumber(options.min, 'min', 1, 200),
            includeService: Boolean(options['include-service']),
            limit: wholeNumber(options.limit, 'limit', 1, 1000),
            ...period(options),
          }),
          await workspaceClock(client),
        ] as const,
    );
    out.result(
      result,
      result.rows.length
        ? [
            `${result.total} numbers in touch with at least ${options.min ?? 2} of ${result.targets.length} targets:`,
            ...result.rows.map(
              (row) =>
                `  ${row.number} (${row.numberType})  targets ${row.targetCount}  calls ${row.calls}  texts ${row.messages}  ${row.durationSeconds} s  ${at(row.firstAt).slice(0, 10)} – ${at(row.lastAt).slice(0, 10)}\n` +
                row.perTarget
                  .map(
                    (target) =>
                      `      ${target.targetNumber}: calls ${target.calls}, texts ${target.messages}, ${target.durationSeconds} s, out ${target.outgoing} / in ${target.incoming}`,
                  )
                  .join('\n'),
            ),
          ].join('\n') + shownOf(result.rows.length, result.total)
        : 'No common contacts.',
    );
    return;
  }
  if (action === 'top') {
    const phone = requireOption(options.phone, 'phone');
    const result = await withSession(options, secrets, (client) =>
      client.call('analytics.contactProfile', {
        phone,
        limit: wholeNumber(options.limit, 'limit', 1, 500),
        includeService: Boolean(options['include-service']),
        ...period(options),
        ...(options['compare-from'] ? { compareFrom: options['compare-from'] } : {}),
        ...(options['compare-to'] ? { compareTo: options['compare-to'] } : {}),
      }),
    );
    const { period: profile, compare } = result;
    out.result(
      result,
      [
        `${result.phone.number}: ${profile.calls} calls, ${profile.messages} texts, ${profile.durationSeconds} s, ${profile.contacts} contacts, ${profile.activeDays} active days, ${profile.nightEvents} at night (22:00–06:00)${profile.withheld ? `, ${profile.withheld} with the other number not shown` : ''}`,
        'top by count:',
        ...profile.topByCount.map(
          (row) =>
            `  ${row.number}  calls ${row.calls}  texts ${row.messages}  ${row.durationSeconds} s`,
        ),
        'top by duration:',
        ...profile.topByDuration.map(
          (row) => `  ${row.number}  ${row.durationSeconds} s  calls ${row.calls}`,
        ),
        ...(compare
          ? [
              `compared period: ${compare.calls} calls, ${compare.messages} texts, ${compare.contacts} contacts, ${compare.activeDays} active days, ${compare.nightEvents} at night`,
              `  only in the compared period: ${compare.gained.join(', ') || '—'}`,
              `  only in the first period: ${compare.lost.join(', ') || '—'}`,
            ]
          : []),
      ].join('\n'),
    );
    return;
  }
  if (action === 'colocated') {
    const [result, at] = await withSession(
      options,
      secrets,
      async (client) =>
        [
          await client.call('analytics.colocation', {
            phones: listOption(options.phones, 'phones'),
            windowMinutes: windowMinutes(options.window),
            minOccasions: wholeNumber(options.min, 'min', 1, 1000),
            companions: Boolean(options.companions),
            limit: wholeNumber(options.limit, 'limit', 1, 1000),
            ...period(options),
          }),
          await workspaceClock(client),
        ] as const,
    );
    out.result(
      result,
      result.pairs.length
        ? result.pairs
            .map(
              (pair) =>
                `${pair.a.number} + ${pair.b.number}: ${pair.occasions.length} occasions\n` +
                pair.occasions
                  .map(
                    (occasion) =>
                      `    ${occasion.cell}  ${at(occasion.aAt)} / ${at(occasion.bAt)} (${occasion.gapSeconds} s apart)`,
                  )
                  .join('\n'),
            )
            .join('\n') + shownOf(result.pairs.length, result.total)
        : 'No phones seen together.',
    );
    return;
  }
  if (action === 'on-cell') {
    const [result, at] = await withSession(
      options,
      secrets,
      async (client) =>
        [
          await client.call('analytics.cellPresence', {
            cell: requireOption(options.cell, 'cell'),
            from: typedInstant(requireOption(options.from, 'from')),
            to: typedInstant(requireOption(options.to, 'to')),
            limit: wholeNumber(options.limit, 'limit', 1, 1000),
          }),
          await workspaceClock(client),
        ] as const,
    );
    // Where the call lists placed the cell, above who was on it.
    const site = result.site
      ? `${result.site.address ?? '(no address)'}  (${result.site.lng}, ${result.site.lat})\n`
      : '';
    out.result(
      result,
      site +
        (result.rows.length
          ? result.rows
              .map(
                (row) =>
                  `${row.number}  ${row.sightings} sightings  ${at(row.firstAt)} – ${at(row.lastAt)}`,
              )
              .join('\n') + shownOf(result.rows.length, result.total)
          : 'Nobody on this base station in the period.'),
    );
    return;
  }
  throw new UsageError('Use: contacts common | top | colocated | on-cell');
}

/**
 * `money trace --account ACC [--hops H] [--direction out|in] [--structuring-threshold YUAN]
 * [--limit N]`: 资金穿透.
 */
export async function moneyCommand(
  action: string | undefined,
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  if (action !== 'trace') throw new UsageError('Use: money trace --account ACC');
  const direction = options.direction ?? 'out';
  if (direction !== 'out' && direction !== 'in')
    throw new UsageError('--direction must be out or in');
  const result = await withSession(options, secrets, (client) =>
    client.call('analytics.moneyTrace', {
      account: requireOption(options.account, 'account'),
      hops: wholeNumber(options.hops, 'hops', 1, 8),
      direction,
      structuringThresholdFen: thresholdFen(options['structuring-threshold']),
      limit: wholeNumber(options.limit, 'limit', 1, 2000),
      ...period(options),
    }),
  );
  out.result(
    result,
    result.accounts.length
      ? result.accounts
          .map(
            (account) =>
              `hop ${account.hop}  ${account.accountNo}${account.holderName ? ` (${account.holderName})` : ''}  reached ${yuan(account.reachedFen)} yuan  in ${yuan(account.inFen)} / out ${yuan(account.outFen)}${account.alerts.length ? `  [${account.alerts.join(', ')}]` : ''}\n      ${moneyPathText(result.direction, account.path)}`,
          )
          .join('\n') +
          shownOf(result.accounts.length, result.total) +
          '\nPro rata with opening balances taken as 0 (the balance a statement prints is not used): an account that already held money passes on less traced money than shown.'
      : 'No money followed from this account.',
  );
}
