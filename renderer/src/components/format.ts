import dayjs from 'dayjs';
import { drugCatalog } from '../../../electron/api/domain/drug-catalog';
import { decimalOf } from '../../../electron/api/domain/quantity';

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
  if (fen === null || fen === undefined) return '';
  const [whole, fraction = ''] = decimalOf(fen, 2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

export function drugName(code: string, language: string): string {
  const drug = drugCatalog.find((entry) => entry.code === code);
  if (!drug) return code;
  return language === 'en' ? drug.en : drug.zh;
}
