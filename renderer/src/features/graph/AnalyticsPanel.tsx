import { AimOutlined, BranchesOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Collapse,
  Empty,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GraphData,
  GraphNode,
  GraphPaths,
} from '../../../../electron/api/schemas/graph-schemas';
import { relationTypes, type RelationType } from '../../../../electron/api/domain/relation-types';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { KindTag } from '../../components/KindTag';
import { LegalStatusTag } from '../../components/StatusTag';
import { EntitySelect } from './EntitySelect';
import { communityColour } from './graph-model';
import type { Highlight } from './useVisElements';

interface Props {
  caseId?: string;
  /** The chart is drawn: the chain gaps of the whole case are read only then. */
  chartDrawn: boolean;
  nodes: GraphNode[];
  /** The entities on the chart: key players and gangs are found among them. */
  entityIds: string[];
  pathEnds: { from?: string; to?: string };
  onPathEnds(ends: { from?: string; to?: string }): void;
  communitiesShown: boolean;
  onAddGraph(data: GraphData): void;
  onHighlight(highlight: Highlight | null): void;
  onFocus(nodeId: string): void;
  onCommunities(communities: Record<string, number> | null): void;
}

function pathHighlight(path: GraphPaths['paths'][number]): Highlight {
  return {
    nodeIds: new Set(path.nodeIds),
    edgeIds: new Set([...path.edgeIds, ...path.steps.flatMap((step) => step.alsoRelationIds)]),
  };
}

const gapsPerPage = 20;

/** Paths between two entities, key players, suggested gangs and chain gaps. */
export function AnalyticsPanel(props: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'shortest' | 'kShortest' | 'all'>('shortest');
  const [maxHops, setMaxHops] = useState(4);
  const [k, setK] = useState(3);
  const [pathTypes, setPathTypes] = useState<RelationType[]>([]);
  const [paths, setPaths] = useState<GraphPaths | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [open, setOpen] = useState<string[]>(['path', 'gaps']);
  const caseId = props.caseId;
  const scope = { entityIds: props.entityIds };
  const hasChart = props.entityIds.length > 0;
  const keyPlayers = useProcedure('graph.keyPlayers', scope, {
    enabled: hasChart && open.includes('keyPlayers'),
  });
  const communities = useProcedure('graph.communities', scope, {
    enabled: hasChart && open.includes('communities'),
  });
  // After the chart is drawn: calls run one at a time, and the chart comes first (a large
  // case's chain takes the main process a second, the window is still drawing).
  const chain = useProcedure(
    'graph.chain',
    { caseId: caseId ?? '' },
    { enabled: Boolean(caseId) && hasChart && props.chartDrawn },
  );
  const labels = useMemo(
    () => new Map(props.nodes.map((node) => [node.id, node.label])),
    [props.nodes],
  );
  const label = (id: string) =>
    labels.get(id) ?? paths?.graph.nodes.find((node) => node.id === id)?.label ?? id;
  const findPaths = async () => {
    if (!props.pathEnds.from || !props.pathEnds.to) return;
    setFailure(null);
    try {
      const result = await invoke('graph.paths', {
        fromId: props.pathEnds.from,
        toId: props.pathEnds.to,
        mode,
        // Shortest paths have no hop cap: the search is bounded by its time budget instead.
        ...(mode === 'all' ? { maxHops, caseId } : mode === 'kShortest' ? { k } : {}),
        ...(pathTypes.length ? { relationTypes: pathTypes } : {}),
      });
      setPaths(result);
      props.onAddGraph(result.graph);
      props.onHighlight(result.paths[0] ? pathHighlight(result.paths[0]) : null);
    } catch (error) {
      setFailure(error);
    }
  };

  const needsCase = (
    <Typography.Text type="secondary">{t('graph.analytics.needsCase')}</Typography.Text>
  );

  return (
    <Collapse
      size="small"
      activeKey={open}
      onChange={(keys) => setOpen(keys as string[])}
      items={[
        {
          key: 'path',
          label: t('graph.analytics.path'),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <EntitySelect
                nodes={props.nodes}
                allowClear
                placeholder={t('graph.analytics.from')}
                value={props.pathEnds.from}
                onChange={(from) => props.onPathEnds({ ...props.pathEnds, from })}
                data-testid="path-from"
                style={{ width: '100%' }}
              />
              <EntitySelect
                nodes={props.nodes}
                allowClear
                placeholder={t('graph.analytics.to')}
                value={props.pathEnds.to}
                onChange={(to) => props.onPathEnds({ ...props.pathEnds, to })}
                data-testid="path-to"
                style={{ width: '100%' }}
              />
              <Radio.Group
                size="small"
                value={mode}
                onChange={(event) => setMode(event.target.value)}
                optionType="button"
              >
                <Radio value="shortest">{t('graph.analytics.shortest')}</Radio>
                <Radio value="kShortest">{t('graph.analytics.kShortest')}</Radio>
                <Radio value="all">{t('graph.analytics.all')}</Radio>
              </Radio.Group>
              <Select
                mode="multiple"
                allowClear
                size="small"
                placeholder={t('graph.analytics.pathTypes')}
                value={pathTypes}
                onChange={setPathTypes}
                // Typing 供 finds 供货 (the names, not the codes behind them).
                optionFilterProp="label"
                // Every type in view at once (使用 had been the eleventh, below the fold).
                listHeight={relationTypes.length * 32 + 8}
                options={relationTypes.map((type) => ({
                  value: type,
                  label: t(`enums.relationType.${type}`),
                }))}
                data-testid="path-types"
                style={{ width: '100%' }}
              />
              <Space>
                {mode === 'all' && (
                  <>
                    <Typography.Text>{t('graph.analytics.maxHops')}</Typography.Text>
                    <InputNumber
                      size="small"
                      min={1}
                      max={12}
                      value={maxHops}
                      onChange={(value) => setMaxHops(value ?? 4)}
                    />
                  </>
                )}
                {mode === 'kShortest' && (
                  <>
                    <Typography.Text>{t('graph.analytics.k')}</Typography.Text>
                    <InputNumber
                      size="small"
                      min={1}
                      max={50}
                      value={k}
                      onChange={(value) => setK(value ?? 3)}
                    />
                  </>
                )}
                <Button
                  type="primary"
                  size="small"
                  icon={<BranchesOutlined />}
                  disabled={!props.pathEnds.from || !props.pathEnds.to}
                  onClick={() => void findPaths()}
                  data-testid="path-find"
                >
                  {t('graph.analytics.find')}
                </Button>
              </Space>
              {failure !== null && <Alert type="error" showIcon title={errorText(failure)} />}
              {paths &&
                (paths.paths.length === 0 ? (
                  <Typography.Text type="warning">
                    {mode === 'all'
                      ? t('graph.analytics.noPath', { hops: maxHops })
                      : pathTypes.length
                        ? t('graph.analytics.notConnectedByTypes')
                        : t('graph.analytics.notConnected')}
                  </Typography.Text>
                ) : (
                  <List
                    size="small"
                    header={
                      <Typography.Text type="secondary">
                        {t('graph.analytics.pathsFound', { count: paths.paths.length })}
                      </Typography.Text>
                    }
                    dataSource={paths.paths}
                    data-testid="path-results"
                    renderItem={(path) => (
                      <List.Item
                        style={{ cursor: 'pointer' }}
                        onClick={() => props.onHighlight(pathHighlight(path))}
                      >
                        <span data-testid="path-steps">
                          <Typography.Text strong data-testid="path-hops">
                            {t('graph.analytics.pathHops', { count: path.steps.length })}
                          </Typography.Text>{' '}
                          {label(path.nodeIds[0]!)}
                          {path.steps.map((step) => {
                            // Two of a type on one step (a call each way): ×2.
                            const type = `${t(`enums.relationType.${step.type}`)}${step.alsoRelationIds.length ? `×${step.alsoRelationIds.length + 1}` : ''}`;
                            const link =
                              step.direction === 'forward'
                                ? ` —${type}→ `
                                : step.direction === 'backward'
                                  ? ` ←${type}— `
                                  : ` —${type}— `;
                            return (
                              <span key={step.relationId}>
                                <Typography.Text type="secondary">{link}</Typography.Text>
                                {label(step.toId)}
                              </span>
                            );
                          })}
                        </span>
                      </List.Item>
                    )}
                  />
                ))}
            </Space>
          ),
        },
        {
          key: 'gaps',
          label: `${t('graph.analytics.gaps')}${chain.data ? ` (${chain.data.gaps.length})` : ''}`,
          children: !caseId ? (
            needsCase
          ) : (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('graph.analytics.gapsHint')}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={chain.data?.gaps}
                // A large chart can have thousands of gaps: drawn a page at a time.
                pagination={
                  (chain.data?.gaps.length ?? 0) > gapsPerPage
                    ? { pageSize: gapsPerPage, size: 'small', showSizeChanger: false }
                    : false
                }
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('graph.analytics.noGaps')}
                    />
                  ),
                }}
                data-testid="chain-gaps"
                renderItem={(gap) => (
                  <List.Item
                    style={{ cursor: 'pointer' }}
                    onClick={() => {
                      props.onFocus(gap.entityId);
                      props.onHighlight({ nodeIds: new Set([gap.entityId]), edgeIds: new Set() });
                    }}
                    actions={[<AimOutlined key="focus" />]}
                  >
                    <Space size={4} wrap>
                      <Typography.Text strong>{gap.label}</Typography.Text>
                      <Tag color={gap.kind === 'sourceUnknown' ? 'red' : 'orange'}>
                        {t(`graph.analytics.gapKinds.${gap.kind}`)}
                      </Tag>
                      {gap.tier && <Tag>{t(`enums.chainTier.${gap.tier}`)}</Tag>}
                      {gap.legalStatus && gap.legalStatus !== 'none' && (
                        <LegalStatusTag status={gap.legalStatus} />
                      )}
                      <Typography.Text type="secondary">→ {gap.suppliesTo}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          ),
        },
        {
          key: 'keyPlayers',
          label: t('graph.analytics.keyPlayers'),
          children: (
            <Table
              size="small"
              rowKey="entityId"
              pagination={false}
              loading={keyPlayers.isFetching}
              dataSource={keyPlayers.data?.slice(0, 10)}
              onRow={(row) => ({
                onClick: () => props.onFocus(row.entityId),
                style: { cursor: 'pointer' },
              })}
              columns={[
                { title: '#', key: 'rank', width: 32, render: (_v, _row, index) => index + 1 },
                {
                  title: t('entities.label'),
                  dataIndex: 'label',
                  render: (value: string, row) => (
                    <Space size={4}>
                      <KindTag kind={row.kind} />
                      {value}
                    </Space>
                  ),
                },
                {
                  title: t('graph.analytics.betweenness'),
                  dataIndex: 'betweenness',
                  width: 70,
                  align: 'right',
                  render: (value: number) => value.toFixed(3),
                },
                {
                  title: t('graph.analytics.degree'),
                  dataIndex: 'degree',
                  width: 56,
                  align: 'right',
                },
              ]}
            />
          ),
        },
        {
          key: 'communities',
          label: t('graph.analytics.communities'),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button
                size="small"
                disabled={!communities.data}
                onClick={() =>
                  props.onCommunities(
                    props.communitiesShown || !communities.data
                      ? null
                      : Object.fromEntries(
                          communities.data.communities.flatMap((community) =>
                            community.nodeIds.map((id) => [id, community.id]),
                          ),
                        ),
                  )
                }
                data-testid="toggle-communities"
              >
                {props.communitiesShown
                  ? t('graph.analytics.hideCommunities')
                  : t('graph.analytics.showCommunities')}
              </Button>
              <List
                size="small"
                dataSource={communities.data?.communities.filter(
                  (community) => community.nodeIds.length > 1,
                )}
                renderItem={(community) => (
                  <List.Item
                    style={{ cursor: 'pointer' }}
                    onClick={() =>
                      props.onHighlight({ nodeIds: new Set(community.nodeIds), edgeIds: new Set() })
                    }
                  >
                    <Typography.Text>
                      {/* The ring colour its entities wear on the chart: the communities' legend. */}
                      <span
                        data-testid="community-swatch"
                        style={{
                          display: 'inline-block',
                          width: 10,
                          height: 10,
                          borderRadius: 5,
                          marginRight: 6,
                          border: `3px solid ${communityColour(community.id)}`,
                        }}
                      />
                      {t('graph.analytics.communityN', {
                        n: community.id + 1,
                        count: community.nodeIds.length,
                      })}
                    </Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 140 }}>
                      {community.nodeIds.slice(0, 4).map(label).join('、')}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Space>
          ),
        },
      ]}
    />
  );
}
