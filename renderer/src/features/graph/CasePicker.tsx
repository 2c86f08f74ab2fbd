import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../api/hooks';

/** Picks a case by number or title, searched in the workspace as the user types. */
export function CasePicker({
  value,
  currentLabel,
  onChange,
  width = 320,
}: {
  value?: string;
  /** Shown for `value` when it is not among the cases listed. */
  currentLabel?: string;
  onChange(caseId: string): void;
  width?: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const cases = useProcedure('cases.list', { text: text || undefined, pageSize: 20 });
  const options = (cases.data?.rows ?? []).map((row) => ({
    value: row.id,
    label: `${row.caseNo} ${row.title}`,
  }));
  if (value && currentLabel && !options.some((option) => option.value === value))
    options.unshift({ value, label: currentLabel });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      placeholder={t('graph.pickCase')}
      style={{ width }}
      loading={cases.isFetching}
      onChange={onChange}
      options={options}
      data-testid="graph-case-picker"
    />
  );
}
