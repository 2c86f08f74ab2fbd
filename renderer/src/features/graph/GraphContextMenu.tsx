import { Menu, type MenuProps } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../electron/api/schemas/graph-schemas';

/** What the menu can ask the chart to do. */
export type MenuAction =
  | {
      type: 'expand';
      hops: 1 | 2 | 3;
      relationTypes?: ('supplies' | 'transports_for' | 'finances' | 'calls')[];
    }
  | {
      type:
        | 'hide'
        | 'remove'
        | 'pin'
        | 'unpin'
        | 'group'
        | 'ungroup'
        | 'open'
        | 'drawer'
        | 'pathFrom'
        | 'pathTo'
        | 'upstream';
    }
  | { type: 'showAll' | 'fit' | 'selectAll' };

interface Props {
  /** Where it opened, in the window's coordinates. */
  x: number;
  y: number;
  /** The entity right-clicked; null for the background. */
  node: GraphNode | null;
  /** How many entities the action applies to (the selection when the node is in it). */
  count: number;
  pinned: boolean;
  grouped: boolean;
  hiddenCount: number;
  onAction(action: MenuAction): void;
  onClose(): void;
}

/** The chart's right-click menu: on an entity, or on the background. */
export function GraphContextMenu({
  x,
  y,
  node,
  count,
  pinned,
  grouped,
  hiddenCount,
  onAction,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // Opened near the window's bottom or right edge, the menu goes up or left to fit: inside the
  // chart's box it had been cut off below 只展开资金往来 (上游溯源, 设为路径起点 out of reach).
  const [place, setPlace] = useState({ left: x, top: y });
  useLayoutEffect(() => {
    const { width, height } = box.current!.getBoundingClientRect();
    setPlace({
      left: Math.max(8, Math.min(x, window.innerWidth - width - 8)),
      top: Math.max(8, Math.min(y, window.innerHeight - height - 8)),
    });
  }, [x, y]);
  useEffect(() => {
    const close = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);

  const plural = count > 1 ? ` (${count})` : '';
  const actions: Record<string, MenuAction> = {
    expand1: { type: 'expand', hops: 1 },
    expand2: { type: 'expand', hops: 2 },
    expand3: { type: 'expand', hops: 3 },
    expandSupply: { type: 'expand', hops: 1, relationTypes: ['supplies', 'transports_for'] },
    expandMoney: { type: 'expand', hops: 1, relationTypes: ['finances'] },
    expandCalls: { type: 'expand', hops: 1, relationTypes: ['calls'] },
    hide: { type: 'hide' },
    remove: { type: 'remove' },
    pin: { type: 'pin' },
    unpin: { type: 'unpin' },
    group: { type: 'group' },
    ungroup: { type: 'ungroup' },
    open: { type: 'open' },
    drawer: { type: 'drawer' },
    pathFrom: { type: 'pathFrom' },
    pathTo: { type: 'pathTo' },
    upstream: { type: 'upstream' },
    showAll: { type: 'showAll' },
    fit: { type: 'fit' },
    selectAll: { type: 'selectAll' },
  };
  const items: MenuProps['items'] = node
    ? [
        {
          key: 'expandGroup',
          type: 'group',
          label: node.label,
          children: [
            { key: 'expand1', label: t('graph.menu.expand', { hops: 1 }) + plural },
            { key: 'expand2', label: t('graph.menu.expand', { hops: 2 }) + plural },
            { key: 'expand3', label: t('graph.menu.expand', { hops: 3 }) + plural },
            { key: 'expandSupply', label: t('graph.menu.expandSupply') },
            { key: 'expandMoney', label: t('graph.menu.expandMoney') },
            { key: 'expandCalls', label: t('graph.menu.expandCalls') },
          ],
        },
        { type: 'divider' },
        { key: 'upstream', label: t('graph.menu.upstream') },
        { key: 'pathFrom', label: t('graph.menu.pathFrom') },
        { key: 'pathTo', label: t('graph.menu.pathTo') },
        { type: 'divider' },
        { key: 'hide', label: t('graph.menu.hide') + plural },
        { key: 'remove', label: t('graph.menu.collapse') + plural },
        pinned
          ? { key: 'unpin', label: t('graph.menu.unpin') + plural }
          : { key: 'pin', label: t('graph.menu.pin') + plural },
        ...(node.kind === 'organisation'
          ? [
              grouped
                ? { key: 'ungroup', label: t('graph.menu.ungroup') }
                : { key: 'group', label: t('graph.menu.group') },
            ]
          : []),
        { type: 'divider' },
        { key: 'drawer', label: t('graph.menu.details') },
        { key: 'open', label: t('graph.menu.open') },
      ]
    : [
        {
          key: 'showAll',
          label: t('graph.menu.showAll', { count: hiddenCount }),
          disabled: hiddenCount === 0,
        },
        { key: 'selectAll', label: t('graph.menu.selectAll') },
        { key: 'fit', label: t('graph.toolbar.fit') },
      ];

  return createPortal(
    <>
      <div
        style={{ position: 'fixed', inset: 0, zIndex: 1040 }}
        onClick={onClose}
        onContextMenu={(event) => {
          event.preventDefault();
          onClose();
        }}
      />
      <div
        ref={box}
        style={{
          position: 'fixed',
          left: place.left,
          top: place.top,
          zIndex: 1050,
          boxShadow: '0 6px 16px rgba(0,0,0,.16)',
          borderRadius: 8,
          background: '#fff',
        }}
        data-testid="graph-context-menu"
      >
        <Menu
          selectable={false}
          items={items}
          style={{
            borderRadius: 8,
            minWidth: 190,
            maxHeight: 'min(460px, calc(100vh - 16px))',
            overflowY: 'auto',
            borderInlineEnd: 'none',
          }}
          onClick={({ key }) => {
            onClose();
            onAction(actions[key]!);
          }}
        />
      </div>
    </>,
    document.body,
  );
}
