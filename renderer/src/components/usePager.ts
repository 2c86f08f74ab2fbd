import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Page and page size of a server-side paged table, and the antd pagination for a total. */
export function usePager(initialPageSize = 50) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  return {
    page,
    pageSize,
    /** Back to the first page, after a filter changes. */
    reset: () => setPage(1),
    pagination: (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [20, 50, 100, 200, 500],
      showTotal: (count) => t('common.total', { count }),
      onChange: (nextPage, nextSize) => {
        setPage(nextSize === pageSize ? nextPage : 1);
        setPageSize(nextSize);
      },
    }),
  };
}
