import { importTemplates, type ImportTemplate } from '../domain/import-templates';
import { caseStatuses } from '../domain/case-vocabulary';
import { roles } from '../domain/roles';

/** The translate function this needs: a key and interpolation values. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

type Details = Record<string, unknown>;

function isCaseStatus(value: unknown): value is (typeof caseStatuses)[number] {
  return typeof value === 'string' && (caseStatuses as readonly string[]).includes(value);
}

/**
 * Detail values the core sends as stable identifiers (statuses, field keys), turned into the
 * words the user reads; values that are already the user's own text pass through.
 */
function wordsOf(t: Translate, code: string, details: Details): Details {
  const words: Details = { ...details };
  for (const key of ['from', 'to'] as const)
    if (isCaseStatus(details[key])) words[key] = t(`enums.caseStatus.${details[key]}`);
  if (code === 'import.missingColumns') {
    const template = details['template'];
    const fields = details['fields'];
    if (
      typeof template === 'string' &&
      (importTemplates as readonly string[]).includes(template) &&
      Array.isArray(fields)
    )
      words['fields'] = fields
        .map((field) => t(`import.fields.${template as ImportTemplate}.${String(field)}`))
        .join(t('common.listSeparator'));
  }
  if ((roles as readonly unknown[]).includes(details['needed']))
    words['needed'] = t(`enums.role.${String(details['needed'])}`);
  if (
    (code === 'package.tooManyRows' || code === 'package.invalidRow') &&
    typeof details['list'] === 'string'
  )
    words['list'] = t(`packageImport.lists.${details['list']}`);
  if (code === 'persons.invalidIdNumber') {
    const problem = String(details['problem'] ?? 'characters');
    words['reason'] = t(`idProblems.${problem}`, {
      expected: String(details['expectedCheck'] ?? ''),
    });
  }
  return words;
}

/** One refusal as a sentence of the domain, by its stable code, in the current language. */
export function errorText(t: Translate, code: string, details: Details = {}): string {
  // A refusal by role names the role it needs, where core says which.
  if (code === 'auth.forbidden' && (roles as readonly unknown[]).includes(details['needed']))
    return t('errors.auth.forbiddenNeeds', wordsOf(t, code, details));
  return t(`errors.${code}`, wordsOf(t, code, details));
}
