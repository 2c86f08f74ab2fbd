import { pinyin } from 'pinyin-pro';

const hasChinese = /[\u3400-\u9fff]/;

/**
 * The pinyin forms people type for a Chinese name: full syllables run together and their
 * initials ("全某甲" → "quanmoujia qmj"). Surnames read as surnames (单 → shan). Text without
 * Chinese characters gives nothing.
 */
export function pinyinForms(text: string | null | undefined): string {
  if (!text || !hasChinese.test(text)) return '';
  const chinese = [...text].filter((char) => hasChinese.test(char)).join('');
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', surname: 'head' });
  return `${syllables.join('')} ${syllables.map((syllable) => syllable[0] ?? '').join('')}`.toLowerCase();
}
