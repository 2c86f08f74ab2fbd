import { Select } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../electron/api/schemas/graph-schemas';

/** Options listed at once: a chart of thousands is searched by typing, not scrolled. */
const listedAtMost = 50;

interface Props {
  nodes: GraphNode[];
  value: string | null | undefined;
  onChange(nodeId: string | undefined): void;
  placeholder: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

function optionLabel(node: GraphNode): string {
  return node.identifier && node.identifier !== node.label
    ? `${node.label} ${node.identifier}`
    : node.label;
}

/**
 * Picks an entity of the chart by name or number. Options are made only while the list is
 * open, and at most `listedAtMost` of them: three pickers holding every entity of a
 * 2,000-entity chart cost ~230 ms of each render of the chart page.
 */
export function EntitySelect(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const { nodes, value } = props;
  const options = useMemo(() => {
    const chosen = value ? nodes.find((node) => node.id === value) : undefined;
    const listed: { value: string; label: string; disabled?: boolean }[] = [];
    if (open) {
      const needle = search.trim().toLowerCase();
      let more = 0;
      for (const node of nodes) {
        const label = optionLabel(node);
        if (needle && !label.toLowerCase().includes(needle)) continue;
        if (listed.length < listedAtMost) listed.push({ value: node.id, label });
        else more += 1;
      }
      if (more > 0)
        listed.push({
          value: '',
          label: t('graph.toolbar.moreEntities', { count: more }),
          disabled: true,
        });
    }
    // The chosen entity stays an option, so its name (not its ID) shows in the box.
    if (chosen && !listed.some((option) => option.value === chosen.id))
      listed.unshift({ value: chosen.id, label: optionLabel(chosen) });
    return listed;
  }, [nodes, value, open, search, t]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSearch('');
      }}
      allowClear={props.allowClear}
      placeholder={props.placeholder}
      value={value ?? null}
      onChange={(nodeId: string | null | undefined) => props.onChange(nodeId ?? undefined)}
      options={options}
      // At most 51 options: all in the page, no virtual list to measure.
      virtual={false}
      style={props.style}
      data-testid={props['data-testid']}
    />
  );
}
