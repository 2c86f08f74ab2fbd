import { catalogueEntry } from './domain/drug-catalog';
import type { DocumentLanguage } from './i18n/chinese-format';
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';

/** What a describer needs of an audit record; case number and subject are looked up by core. */
interface DescribableAudit {
  action: string;
  result: 'ok' | 'denied' | 'failed';
  details: Record<string, unknown> | null;
  caseNo: string | null;
  /** The entity the action was about (person, gang, place), by name. */
  subject: string | null;
  detailsMalformed?: true;
}

type Words = typeof zhCN;
const wordsOf = (language: DocumentLanguage): Words => (language === 'en' ? en : zhCN) as Words;

type Nested = { [key: string]: string | Nested };

/** `import.completed` → the entry under `import` → `completed`, when both levels exist. */
function lookup(tree: Nested, action: string): string | null {
  const [area, name] = action.split('.');
  const branch = area ? tree[area] : undefined;
  const leaf = typeof branch === 'object' && name ? branch[name] : undefined;
  return typeof leaf === 'string' ? leaf : null;
}

/** The action's name in words ("导入数据"); null for an action no locale names. */
export function auditActionName(action: string, language: DocumentLanguage): string | null {
  return lookup(wordsOf(language).auditLog.actions as Nested, action);
}

function auditSentence(action: string, language: DocumentLanguage): string | null {
  return lookup(wordsOf(language).auditLog.sentences as Nested, action);
}

function fill(template: string, values: Record<string, string | null>): string | null {
  let complete = true;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === null || value === undefined || value === '') complete = false;
    return value ?? '';
  });
  return complete ? text : null;
}

/** What a `data.read` record read ("缴获物品（案件 A0001）"), by its procedure, case and subject. */
function readWhat(
  row: DescribableAudit,
  values: Record<string, string | null>,
  language: DocumentLanguage,
): string {
  const words = wordsOf(language).auditLog;
  const procedure = String(row.details?.['procedure'] ?? '');
  const what = (words.readWhat as Record<string, string>)[procedure] ?? procedure;
  const where = row.caseNo
    ? fill(words.inCase, values)
    : row.subject
      ? fill(words.aboutSubject, values)
      : null;
  return `${what}${where ?? ''}`;
}

/**
 * The words a detail value is shown in: template, role, case status and entity kind names,
 * drug names, units, and numbers with thousands separators ("1,203").
 */
function valuesOf(
  row: DescribableAudit,
  language: DocumentLanguage,
): Record<string, string | null> {
  const words = wordsOf(language);
  const enums = words.enums as unknown as Record<string, Record<string, string>>;
  const details = row.details ?? {};
  const values: Record<string, string | null> = { caseNo: row.caseNo, subject: row.subject };
  const named = (group: string, value: unknown) =>
    typeof value === 'string' ? (enums[group]?.[value] ?? value) : null;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'number')
      values[key] = value.toLocaleString(language === 'en' ? 'en' : 'zh-CN');
    else if (typeof value === 'string') values[key] = value;
  }
  if (typeof details['template'] === 'string')
    values['template'] =
      (words.import.templates as Record<string, string>)[details['template']] ??
      details['template'];
  if (row.action.startsWith('users.')) {
    values['role'] = named('role', details['role']);
    values['from'] = named('role', details['from']);
  }
  if (row.action === 'cases.statusChanged') {
    values['from'] = named('caseStatus', details['from']);
    values['to'] = named('caseStatus', details['to']);
  }
  if (row.action === 'cases.measureSteppedBack') {
    values['from'] = named('legalStatus', details['from']);
    values['to'] = named('legalStatus', details['to']);
    const reasons = words.cases2.measureStepBackReasons as Record<string, string>;
    values['reason'] =
      typeof details['reason'] === 'string' ? (reasons[details['reason']] ?? null) : null;
  }
  if (row.action === 'entities.created') values['kind'] = named('entityKind', details['kind']);
  if (typeof details['drugType'] === 'string') {
    const entry = catalogueEntry(details['drugType']);
    values['drug'] = entry ? (language === 'en' ? entry.en : entry.zh) : details['drugType'];
  }
  if (typeof details['quantity'] === 'string') {
    const [amount, unit] = details['quantity'].split(' ');
    values['quantity'] = `${amount ?? ''} ${named('quantityUnit', unit) ?? ''}`.trim();
    if (language === 'zh-CN') values['quantity'] = values['quantity'].replace(' ', '');
  }
  if (typeof details['format'] === 'string') values['format'] = details['format'].toUpperCase();
  if (row.action === 'data.read') values['what'] = readWhat(row, values, language);
  return values;
}

/**
 * An audit record in words, for auditors: what was done ("导入数据") and what it was about
 * ("导入话单 call_records.csv：导入 1,203 行，拒绝 4 行"). A refused request names the action
 * and the role; an action without its own sentence names the case it concerned.
 */
export function describeAudit(
  row: DescribableAudit,
  language: DocumentLanguage,
): { action: string; summary: string } {
  const words = wordsOf(language);
  const values = valuesOf(row, language);
  const name = auditActionName(row.action, language);
  if (row.result === 'denied')
    return {
      action: name ?? row.action,
      summary:
        fill(words.auditLog.denied, {
          action: name ?? row.action,
          role: (words.enums.role as Record<string, string>)[String(row.details?.['role'])] ?? '—',
        }) ?? '',
    };
  if (row.detailsMalformed)
    return {
      action: name ?? row.action,
      summary:
        fill(words.auditLog.detailsMalformed, {
          raw: String(row.details?.['raw'] ?? '').slice(0, 200),
        }) ?? '',
    };
  const sentence = auditSentence(row.action, language);
  const filled = sentence ? fill(sentence, values) : null;
  return {
    action: name ?? row.action,
    summary: filled ?? (row.caseNo ? (fill(words.auditLog.inCase, values) ?? '').trim() : ''),
  };
}
