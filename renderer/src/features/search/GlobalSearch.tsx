import { SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, List, Modal, Space, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../../electron/api/schemas/search-schemas';
import { useProcedure } from '../../api/hooks';
import { KindTag } from '../../components/KindTag';

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

function hitPath(hit: SearchHit): string {
  return hit.type === 'case' ? `/cases/${hit.id}` : `/entities/${hit.id}`;
}

/** The global search (Ctrl+K): names, pinyin, identifiers and case numbers, grouped by type. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const input = useRef<InputRef>(null);
  const query = useDebounced(text.trim(), 150);
  const result = useProcedure(
    'search.query',
    { text: query || '-', limitPerGroup: 8 },
    { enabled: open && query.length > 0 },
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Opened again, the last query is selected: typing replaces it, an arrow key keeps it. The
  // field selects its text when it takes the focus; this covers a dialog that did not give it.
  // Keys typed before the field has the focus (Ctrl+K, then straight on while the dialog
  // opens) are not lost: they replace the old query as typing into the selection would.
  const typedEarly = useRef(false);
  useEffect(() => {
    if (!open) return;
    typedEarly.current = false;
    const pending: ReturnType<typeof setTimeout>[] = [];
    const timer = setTimeout(() => {
      if (input.current && document.activeElement !== input.current.input)
        input.current.focus({ cursor: typedEarly.current ? 'end' : 'all' });
    });
    const onEarlyKey = (event: KeyboardEvent) => {
      const field = input.current?.input;
      if (!field || document.activeElement === field) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
      event.preventDefault();
      const replacing = !typedEarly.current;
      typedEarly.current = true;
      setText((previous) => (replacing ? event.key : previous + event.key));
      // Focused once the keys already pressed are in; the next ones go to the field itself.
      pending.push(setTimeout(() => input.current?.focus({ cursor: 'end' })));
    };
    window.addEventListener('keydown', onEarlyKey, true);
    return () => {
      clearTimeout(timer);
      pending.forEach(clearTimeout);
      window.removeEventListener('keydown', onEarlyKey, true);
    };
  }, [open]);

  const groups = query ? (result.data?.groups ?? []) : [];
  const first = groups[0]?.hits[0];
  const go = (hit: SearchHit) => {
    setOpen(false);
    setText('');
    navigate(hitPath(hit));
  };

  return (
    <>
      <Button
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        data-testid="global-search-open"
      >
        {t('common.searchShortcut')}
      </Button>
      <Modal
        open={open}
        footer={null}
        closable={false}
        width={680}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        styles={{ body: { padding: 0 } }}
      >
        <Input
          ref={input}
          autoFocus
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => typedEarly.current || event.target.select()}
          onPressEnter={(event) => {
            if (!first) return;
            // Closing moves the focus back to the search button at once when there is no
            // animation (reduced motion): the Enter would then press that button and reopen.
            event.preventDefault();
            go(first);
          }}
          variant="borderless"
          style={{ padding: 16 }}
          data-testid="global-search-input"
        />
        <div
          style={{ maxHeight: 480, overflow: 'auto', borderTop: '1px solid #f0f0f0' }}
          data-testid="global-search-results"
        >
          {query && !result.isFetching && groups.length === 0 && (
            <Empty style={{ padding: 24 }} description={t('search.empty')} />
          )}
          {!query && (
            <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
              {t('search.hint')}
            </Typography.Paragraph>
          )}
          {groups.map((group) => (
            <div key={group.type}>
              <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 16px 0' }}>
                {group.type === 'case'
                  ? t('search.groupCase')
                  : t(`enums.entityKind.${group.type}`)}{' '}
                · {group.total}
              </Typography.Text>
              <List
                size="small"
                dataSource={group.hits}
                renderItem={(hit) => (
                  <List.Item
                    style={{ padding: '6px 16px', cursor: 'pointer' }}
                    onClick={() => go(hit)}
                    data-testid="global-search-hit"
                  >
                    <Space>
                      {hit.type === 'case' ? (
                        <Tag color="geekblue">{t('search.groupCase')}</Tag>
                      ) : (
                        <KindTag kind={hit.type} />
                      )}
                      <Typography.Text strong>{hit.title}</Typography.Text>
                      {hit.subtitle && (
                        <Typography.Text type="secondary">{hit.subtitle}</Typography.Text>
                      )}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`search.matchedBy.${hit.matchedBy}`)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </div>
          ))}
        </div>
      </Modal>
    </>
  );
}
