import { act, renderHook } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { useDynamicText } from '../../renderer/src/i18n/dynamic-text';

afterEach(async () => {
  await act(() => i18n.changeLanguage('zh-CN'));
});

describe('useDynamicText', () => {
  it('reads a key built at run time in the language shown', async () => {
    const { result } = renderHook(() => useDynamicText());
    expect(result.current(`enums.supervisionLevel.${'ministry'}`)).toBe('公安部目标案件');
    await act(() => i18n.changeLanguage('en'));
    expect(result.current(`enums.supervisionLevel.${'ministry'}`)).toBe('Ministry target case');
  });

  it('falls back to Chinese for a key the shown language lacks', async () => {
    i18n.addResource('zh-CN', 'translation', 'dynamicTextTest.onlyChinese', '只有中文');
    const { result } = renderHook(() => useDynamicText());
    await act(() => i18n.changeLanguage('en'));
    expect(result.current('dynamicTextTest.onlyChinese')).toBe('只有中文');
  });

  it('shows a missing key, or a branch of keys, as the key itself unless told otherwise', () => {
    const { result } = renderHook(() => useDynamicText());
    expect(result.current('enums.supervisionLevel.nowhere')).toBe('enums.supervisionLevel.nowhere');
    expect(result.current('enums.supervisionLevel')).toBe('enums.supervisionLevel');
    expect(result.current('entity.fields.nowhere', '')).toBe('');
    expect(result.current('persons.nowhere', 'nowhere')).toBe('nowhere');
  });
});
