import dayjs from 'dayjs';
import { drugCatalog } from '../../../electron/api/domain/drug-catalog';
import { yuanText } from '../../../electron/api/domain/yuan-text';

/** An ISO instant in local time, to the minute. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

/** A stored date (YYYY-MM-DD) stays as it is; an instant shows its local day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).format('YYYY-MM-DD');
}

/** Fen → yuan with two decimals and thousands separators, exact. */
export function formatYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : yuanText(fen);
}

export function drugName(code: string, language: string): string {
  const drug = drugCatalog.find((entry) => entry.code === code);
  if (!drug) return code;
  return language === 'en' ? drug.en : drug.zh;
}
