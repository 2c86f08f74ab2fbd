import * as z from 'zod';
import { entityKinds } from '../domain/entity-kinds';
import { caseRoles, chainTiers, legalStatuses } from '../domain/person-vocabulary';
import { relationTypes, sourceReliabilities } from '../domain/relation-types';
import { classifications } from './briefing-schemas';
import { idSchema, requiredText } from './common';

export const graphNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(entityKinds),
  label: z.string(),
  identifier: z.string().nullable(),
  /** In a case's chart: the person's legal status, role and chain tier in that case. */
  legalStatus: z.enum(legalStatuses).nullable(),
  roleInCase: z.enum(caseRoles).nullable(),
  chainTier: z.enum(chainTiers).nullable(),
  /** Organisation type or location type, for the icon. */
  subtype: z.string().nullable(),
  inCase: z.boolean(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  type: z.enum(relationTypes),
  directed: z.boolean(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  /** Calls among imported call records (or events entered by hand). */
  eventCount: z.number().int().nullable(),
  /** Text messages among imported call records. */
  messageCount: z.number().int().nullable(),
  /** Seconds of the calls. */
  durationSeconds: z.number().int().nullable(),
  reliability: z.enum(sourceReliabilities).nullable(),
  credibility: z.number().int().nullable(),
  source: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The case the relation was recorded in, for the filter and tooltips. */
  caseNo: z.string().nullable(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphDataSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** True when a node limit cut the result short. */
  truncated: z.boolean(),
});
export type GraphData = z.infer<typeof graphDataSchema>;

/** Leaves out phones that are service numbers, hotlines or SMS gateways, and their relations. */
const hideServiceNumbers = z.boolean().optional();

export const graphCaseInput = z.object({ caseId: idSchema, hideServiceNumbers });

export const graphCaseReadInput = graphCaseInput.extend({
  /** The window's read: a chart above `layoutThreadAbove` is laid out from the moment it is read. */
  layoutAhead: z.boolean().optional(),
});

/** What an analytic runs over: a case's chart, or exactly the entities on the analyst's chart. */
export const graphScopeInput = z
  .object({
    caseId: idSchema.optional(),
    entityIds: z.array(idSchema).min(1).max(50_000).optional(),
  })
  .refine((input) => Boolean(input.caseId) !== Boolean(input.entityIds), {
    message: 'Give caseId or entityIds',
  });

export const graphNeighbourhoodInput = z.object({
  entityIds: z.array(idSchema).min(1).max(500),
  hops: z.number().int().min(1).max(3).default(1),
  relationTypes: z.array(z.enum(relationTypes)).max(20).optional(),
  /** Gives legal status and tier of persons in this case. */
  caseId: idSchema.optional(),
  limit: z.number().int().min(1).max(5_000).default(500),
  hideServiceNumbers,
});

/** Exactly these entities (a saved view, a selection), with every relation among them. */
export const graphSubgraphInput = z.object({
  entityIds: z.array(idSchema).min(1).max(50_000),
  caseId: idSchema.optional(),
  hideServiceNumbers,
});

export const graphPathInput = z.object({
  fromId: idSchema,
  toId: idSchema,
  /**
   * shortest: no hop cap unless given; all: every simple path up to this many hops (4 when
   * not given). k-shortest ignores it.
   */
  maxHops: z.number().int().min(1).max(12).optional(),
  mode: z.enum(['shortest', 'kShortest', 'all']).default('shortest'),
  /** How many paths k-shortest lists. */
  k: z.number().int().min(1).max(50).default(3),
  /** Only walk these relation types (e.g. supply and money). */
  relationTypes: z.array(z.enum(relationTypes)).max(20).optional(),
  caseId: idSchema.optional(),
  /** The search stops with graph.pathSearchStopped after this long. */
  budgetMs: z.number().int().min(100).max(60_000).default(10_000),
});

const pathStepSchema = z.object({
  relationId: z.string(),
  /** The other relations of the same type between the step's two entities (a call each way). */
  alsoRelationIds: z.array(z.string()),
  type: z.enum(relationTypes),
  fromId: z.string(),
  toId: z.string(),
  /** forward: along the relation's arrow; backward: against it; undirected relations have none. */
  direction: z.enum(['forward', 'backward', 'undirected']),
});
export type PathStep = z.infer<typeof pathStepSchema>;

export const graphPathOutput = z.object({
  /** Each path as the node IDs and the relation IDs along it, and each step's type and direction. */
  paths: z.array(
    z.object({
      nodeIds: z.array(z.string()),
      edgeIds: z.array(z.string()),
      steps: z.array(pathStepSchema),
    }),
  ),
  /** Nodes and edges of the paths, so a chart can add what it does not show yet. */
  graph: graphDataSchema,
  capped: z.boolean(),
});
export type GraphPaths = z.infer<typeof graphPathOutput>;

export const graphCommunitiesOutput = z.object({
  communities: z.array(z.object({ id: z.number().int(), nodeIds: z.array(z.string()) })),
  modularity: z.number(),
});

export const keyPlayerSchema = z.object({
  entityId: z.string(),
  label: z.string(),
  kind: z.enum(entityKinds),
  degree: z.number().int(),
  betweenness: z.number(),
});
export type KeyPlayer = z.infer<typeof keyPlayerSchema>;

export const graphUpstreamInput = z
  .object({
    entityId: idSchema.optional(),
    seizureId: idSchema.optional(),
    maxDepth: z.number().int().min(1).max(12).default(8),
  })
  .refine((input) => Boolean(input.entityId) !== Boolean(input.seizureId), {
    message: 'Give entityId or seizureId',
  });

export const graphUpstreamOutput = z.object({
  rootId: z.string(),
  /** Suppliers by distance: depth 1 supplies the root, depth 2 supplies them … */
  levels: z.array(z.object({ depth: z.number().int(), nodeIds: z.array(z.string()) })),
  /** The furthest known suppliers: nobody known supplies them. */
  sourceIds: z.array(z.string()),
  graph: graphDataSchema,
});
export type UpstreamTrace = z.infer<typeof graphUpstreamOutput>;

const chainMemberSchema = z.object({
  entityId: z.string(),
  label: z.string(),
  kind: z.enum(entityKinds),
  tier: z.enum(chainTiers).nullable(),
  /** 'case': recorded on the membership; 'derived': from roles and supply relations. */
  tierSource: z.enum(['case', 'derived']).nullable(),
  /** Layer of the supply-chain layout, upstream first. */
  level: z.number().int(),
});

const chainGapSchema = z.object({
  entityId: z.string(),
  label: z.string(),
  tier: z.enum(chainTiers).nullable(),
  /** How many the person supplies downstream. */
  suppliesTo: z.number().int(),
  legalStatus: z.enum(legalStatuses).nullable(),
  /** 源头未查明 (the top of the chain is not a recorded source) or 上线未明. */
  kind: z.enum(['sourceUnknown', 'upstreamUnknown']),
});
export type ChainGap = z.infer<typeof chainGapSchema>;

export const chainOutput = z.object({
  members: z.array(chainMemberSchema),
  /** Persons in the chain with no known upstream: every drug case must trace the source. */
  gaps: z.array(chainGapSchema),
  sourceIds: z.array(z.string()),
});
export type ChainAnalysis = z.infer<typeof chainOutput>;

export const graphLayoutInput = z.object({
  nodeIds: z.array(idSchema).max(50_000),
  edges: z.array(z.tuple([idSchema, idSchema])).max(200_000),
  iterations: z.number().int().min(10).max(2_000).default(200),
  /** Names the layout in its `graph.layoutProgressed` events. */
  layoutId: z.string().max(64).optional(),
});
export const graphLayoutOutput = z.record(z.string(), z.object({ x: z.number(), y: z.number() }));

/**
 * Above this many entities a chart is laid out in the layout thread (ForceAtlas2, this many
 * iterations from its warm start: enough for a readable overview) and drawn with physics off.
 */
export const layoutThreadAbove = 1_500;
export const layoutThreadIterations = 60;

/** A case chart; read with `layoutAhead`, one above `layoutThreadAbove` names its layout. */
export const graphCaseOutput = graphDataSchema.extend({ layoutId: z.string().optional() });

export const graphLayoutAheadInput = z.object({ layoutId: z.string().min(1).max(64) });
/** Null when that layout is no longer kept (asked for twice, the session locked). */
export const graphLayoutAheadOutput = graphLayoutOutput.nullable();

export const graphViewStateSchema = z.object({
  nodeIds: z.array(z.string()).max(50_000),
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
  hiddenIds: z.array(z.string()).max(50_000).default([]),
  pinnedIds: z.array(z.string()).max(50_000).default([]),
  /** Organisations shown collapsed with their members. */
  clusterIds: z.array(z.string()).max(5_000).default([]),
  layout: z.enum(['force', 'chain', 'circular', 'manual']).default('manual'),
  filters: z
    .object({
      relationTypes: z.array(z.enum(relationTypes)).optional(),
      kinds: z.array(z.enum(entityKinds)).optional(),
      minReliability: z.enum(sourceReliabilities).optional(),
      /** Admiralty information credibility: 1 (confirmed) is best, so at most this number. */
      maxCredibility: z.number().int().min(1).max(6).optional(),
      /** Only relations recorded in these cases. */
      caseIds: z.array(z.string()).optional(),
      period: z.tuple([z.string().nullable(), z.string().nullable()]).optional(),
      /** Service numbers (10086, 95555, 400/800…) are hidden unless this is true. */
      showServiceNumbers: z.boolean().optional(),
    })
    .default({}),
});
export type GraphViewState = z.infer<typeof graphViewStateSchema>;

export const graphViewRowSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  name: z.string(),
  updatedAt: z.string(),
});
export const graphViewSchema = graphViewRowSchema.extend({ state: graphViewStateSchema });
export type GraphView = z.infer<typeof graphViewSchema>;

export const graphViewSaveInput = z.object({
  id: idSchema.optional(),
  caseId: idSchema.nullish(),
  name: requiredText(80),
  state: graphViewStateSchema,
});

export const graphExportInput = z.object({
  /** Files for other tools (graphml, gexf, anx, json) or pictures to print (svg, png, pdf). */
  format: z.enum(['graphml', 'gexf', 'anx', 'json', 'svg', 'png', 'pdf']),
  /** Empty: refused as `graph.emptyChart` (a case with no entities yet), not as a bad input. */
  nodeIds: z.array(idSchema).max(50_000),
  /** Positions to keep (ANX and the pictures show the chart as laid out; missing ones are laid out). */
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).default({}),
  /**
   * Pictures of the supply-chain layout: its rows (y as in `positions`) and the tier name drawn
   * at the left of each, as on screen. Entities stay on their rows and the names are printed.
   */
  tiers: z
    .array(z.object({ y: z.number(), name: z.string().min(1).max(40) }))
    .max(40)
    .default([]),
  caseId: idSchema.optional(),
  /**
   * Pictures: the mark in the title block, the landscape page, the language of the legend; the
   * language also names the types, attributes and relations of an ANX and a GEXF.
   */
  classification: z.enum(classifications).default('internal'),
  page: z.enum(['A4', 'A3']).default('A4'),
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /**
   * Persons' ID numbers in full (lead and above, audited); masked otherwise (1501**********1234),
   * whoever exports: the file leaves the workstation for i2, Gephi or another unit.
   */
  unmaskIds: z.boolean().default(false),
});
export const graphExportOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Text formats are UTF-8; PNG and PDF come base64-encoded. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});

export const graphImageExportInput = z.object({
  caseId: idSchema.optional(),
  nodes: z.number().int().nonnegative(),
  viewName: z.string().max(80).optional(),
});
/** The picture's file name: `quanlian-graph-<case no>-<the workspace's day>.png`. */
export const graphImageExportOutput = z.object({ fileName: z.string() });
