import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportTemplate } from '../../../../electron/api/domain/import-templates';
import { drugName, formatYuan } from '../../components/format';

/** Looks a key up in a table of words, falling back to the key itself. */
function lookUp(words: Readonly<Record<string, string>>, key: string): string {
  return words[key] ?? key;
}

/** The words of the import wizard for one template: field names, problems, cell values. */
export function useImportLabels(template: ImportTemplate) {
  const { t, i18n } = useTranslation();
  return useMemo(() => labelsOf(t, i18n.language, template), [t, i18n.language, template]);
}

function labelsOf(t: TFunction, language: string, template: ImportTemplate) {
  const fields: Record<string, string> = t(`import.fields.${template}`, { returnObjects: true });
  const problems: Record<string, string> = t('import.problemKinds', { returnObjects: true });
  const values: Record<string, string> = t('import.values', { returnObjects: true });
  const units: Record<string, string> = t('enums.quantityUnit', { returnObjects: true });
  const bases: Record<string, string> = t('seizure.weightBases', { returnObjects: true });
  return {
    field: (key: string) => lookUp(fields, key),
    problem: (kind: string) => lookUp(problems, kind),
    /** A sample cell as the user knows it. */
    cell: (key: string, value: string) =>
      // Stored in UTC; shown in the workstation's local time, as the file had it.
      /^\d{4}-\d{2}-\d{2}T.*Z$/.test(value)
        ? dayjs(value).format('YYYY-MM-DD HH:mm:ss')
        : ['kind', 'farType', 'direction'].includes(key)
          ? lookUp(values, value)
          : key === 'drugType'
            ? drugName(value, language)
            : key === 'quantityUnit'
              ? lookUp(units, value)
              : key === 'weightBasis'
                ? lookUp(bases, value)
                : key === 'amountFen' && /^\d+$/.test(value)
                  ? formatYuan(Number(value))
                  : value,
  };
}
