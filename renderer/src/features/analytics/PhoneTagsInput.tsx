import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** Target phones typed as tags: numbers or entity IDs, Enter, comma or space after each. */
export function PhoneTagsInput({
  value,
  onChange,
  testId,
}: {
  value: string[];
  onChange: (phones: string[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      mode="tags"
      value={value}
      onChange={onChange}
      placeholder={t('analytics.phonesHint')}
      style={{ width: 360 }}
      tokenSeparators={[',', ' ', '，']}
      open={false}
      data-testid={testId}
    />
  );
}
