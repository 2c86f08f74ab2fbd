import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { lineLabel } from '../../../../electron/api/domain/file-lines';
import type { SetAsideRow } from '../../../../electron/api/domain/set-aside-reasons';

/**
 * The rows of a statement that read as transfers but moved no money (a failed or refunded
 * payment, 零钱提现 to the holder's own card), each by its line and why: not imported, and not
 * problems to fix, but the user must be able to find them in the file and check them.
 */
export function SetAsideTable({
  rows,
  count = rows.length,
  language,
}: {
  rows: SetAsideRow[];
  /** All the rows set aside (the list holds the first 200). */
  count?: number;
  language: 'zh' | 'en';
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="import-set-aside-table"
      title={() => (
        <>
          {t('import.setAsideTitle', { count })}
          {count > rows.length ? (
            <Typography.Text type="secondary">
              {t('import.setAsideFirst', { count: rows.length })}
            </Typography.Text>
          ) : null}
        </>
      )}
      rowKey={(row) => String(row.line)}
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        {
          key: 'line',
          title: t('import.line'),
          width: 160,
          render: (_, row) => lineLabel(row.line, language),
        },
        {
          key: 'reason',
          title: t('import.reason'),
          render: (_, row) => t(`import.setAsideReasons.${row.reason}`),
        },
      ]}
    />
  );
}
