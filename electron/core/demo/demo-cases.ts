import type { CaseStatus, OffenceType, SupervisionLevel } from '../../api/domain/case-vocabulary';
import type { RelationType } from '../../api/domain/relation-types';
import type { CaseRole, ChainTier, LegalStatus } from '../../api/domain/person-vocabulary';
import type { QuantityUnit } from '../../api/domain/quantity';
import type { EntityInsert } from '../entities/entity-repository';
import type { EventKind } from '../../api/domain/event-kinds';

/** The three demo cases: a methamphetamine chain, a nitrous-oxide company, a heroin lead from wastewater. */
export type DemoCaseKey = 'meth' | 'n2o' | 'heroin';

interface DemoCase {
  key: DemoCaseKey;
  caseNo: string;
  title: string;
  offenceType: OffenceType;
  supervisionLevel: SupervisionLevel;
  status: CaseStatus;
  unit: string;
  leadInvestigator: string;
  acceptedOn: string;
  openedOn: string;
  solvedOn?: string;
  prosecutedOn?: string;
  summary: string;
}

export const demoUnit = '滨江市公安局禁毒支队';

export const demoCases: DemoCase[] = [
  {
    key: 'meth',
    caseNo: 'A3301052026030015',
    title: '“3·15”跨省贩卖、运输甲基苯丙胺案',
    offenceType: 'trafficking',
    supervisionLevel: 'ministry',
    status: 'solved',
    unit: demoUnit,
    leadInvestigator: '陈建国',
    acceptedOn: '2026-03-15',
    openedOn: '2026-03-16',
    solvedOn: '2026-06-28',
    summary:
      '2026年3月，支队在寄递物流排查中发现一批自云南寄往本市的可疑包裹，经侦查发现以李某华为首的贩毒团伙从云南瑞丽毒源“岩哥”处购买甲基苯丙胺，通过公路藏匿夹带和快递寄递两种方式运至本市，由张某龙团伙分销给下线零包贩卖。6月28日统一收网，在城东物流园仓库缴获甲基苯丙胺25.619千克。',
  },
  {
    key: 'n2o',
    caseNo: 'A3301082026050003',
    title: '滨江恒泰化工贸易有限公司非法经营笑气案',
    offenceType: 'illegal_business',
    supervisionLevel: 'city',
    status: 'prosecuted',
    unit: demoUnit,
    leadInvestigator: '李志明',
    acceptedOn: '2026-05-08',
    openedOn: '2026-05-09',
    solvedOn: '2026-07-02',
    prosecutedOn: '2026-09-18',
    summary:
      '滨江恒泰化工贸易有限公司持危险化学品经营许可，以工业用途名义合法购入一氧化二氮（笑气）178吨，其中150吨经邓某等人分装后销往KTV、酒吧供人吸食。公司仓库现场查获笑气28吨。笑气不属于毒品和易制毒化学品，本案以非法经营罪立案侦查。',
  },
  {
    key: 'heroin',
    caseNo: 'A3301062026080021',
    title: '城西污水监测海洛因异常线索案',
    offenceType: 'trafficking',
    supervisionLevel: 'notable',
    status: 'investigating',
    unit: demoUnit,
    leadInvestigator: '王海峰',
    acceptedOn: '2026-08-04',
    openedOn: '2026-08-05',
    summary:
      '8月初城西污水处理厂监测数据显示吗啡类代谢物浓度异常升高，经管网溯源锁定西苑新村片区，结合毛发检测发现多名复吸人员，循线查明叶某在该片区贩卖海洛因，其上线为广东籍魏某，魏某在逃。',
  },
];

interface DemoMembership {
  caseKey: DemoCaseKey;
  person: string;
  role: CaseRole;
  status: LegalStatus;
  statusOn?: string;
  tier?: ChainTier;
  /** 到案 date of a suspect in hand, 查获 date of a drug user. */
  caughtOn?: string;
  /** Measures before the current one (刑拘 before 逮捕), with their dates. */
  earlier?: { measure: LegalStatus; on: string }[];
}

/** The day each case's suspects were caught (统一收网) and its drug users found. */
const roundUp: Record<DemoCaseKey, string> = {
  meth: '2026-06-28',
  n2o: '2026-07-02',
  heroin: '2026-09-02',
};
/** Caught later than the round-up: 李某华 and 王某强 in Kunming on 7 July. */
const caughtLater: Record<string, string> = { lihua: '2026-07-03', wangqiang: '2026-07-03' };

const m = (
  caseKey: DemoCaseKey,
  person: string,
  role: CaseRole,
  status: LegalStatus,
  statusOn?: string,
  tier?: ChainTier,
): DemoMembership => {
  const inHand = status !== 'none' && status !== 'at_large';
  const caughtOn =
    role === 'drug_user'
      ? roundUp[caseKey]
      : role === 'suspect' && inHand
        ? (caughtLater[person] ?? roundUp[caseKey])
        : undefined;
  // Every arrest followed a criminal detention on the day caught.
  const earlier =
    status === 'arrested' && caughtOn ? [{ measure: 'detained' as const, on: caughtOn }] : [];
  return { caseKey, person, role, status, statusOn, tier, caughtOn, earlier };
};

export const demoMemberships: DemoMembership[] = [
  m('meth', 'yan', 'suspect', 'at_large', '2026-06-30', 'source'),
  m('meth', 'lihua', 'suspect', 'arrested', '2026-07-20', 'source'),
  m('meth', 'wangqiang', 'suspect', 'arrested', '2026-07-20', 'transport'),
  m('meth', 'zhaofei', 'suspect', 'arrested', '2026-07-20', 'transport'),
  m('meth', 'sun', 'suspect', 'detained', '2026-06-28', 'transport'),
  m('meth', 'zhanglong', 'suspect', 'arrested', '2026-07-20', 'distribution'),
  m('meth', 'liu', 'suspect', 'arrested', '2026-07-20', 'distribution'),
  m('meth', 'chenhui', 'suspect', 'arrested', '2026-07-20', 'distribution'),
  m('meth', 'zhou', 'suspect', 'bail', '2026-07-05', 'retail'),
  m('meth', 'wu', 'suspect', 'arrested', '2026-07-20', 'retail'),
  m('meth', 'zheng', 'suspect', 'detained', '2026-06-28', 'retail'),
  m('meth', 'feng', 'suspect', 'residential_surveillance', '2026-07-10', 'retail'),
  m('meth', 'heli', 'suspect', 'bail', '2026-07-05', 'retail'),
  m('meth', 'xu', 'suspect', 'at_large', '2026-06-28', 'retail'),
  m('meth', 'song', 'suspect', 'bail', '2026-07-12', 'finance'),
  m('meth', 'huang', 'associate', 'none'),
  m('meth', 'xie', 'witness', 'none'),
  ...['ma', 'zhu', 'hu', 'guo', 'lin', 'luo', 'gao', 'liang', 'qian', 'cui'].map((key) =>
    m('meth', key, 'drug_user', 'none', undefined, 'consumption'),
  ),

  m('n2o', 'jiang', 'suspect', 'arrested', '2026-07-30'),
  m('n2o', 'han', 'suspect', 'arrested', '2026-07-30'),
  m('n2o', 'cao', 'suspect', 'bail', '2026-07-08', 'transport'),
  m('n2o', 'peng', 'suspect', 'bail', '2026-07-08'),
  m('n2o', 'deng', 'suspect', 'arrested', '2026-07-30', 'distribution'),
  m('n2o', 'xiao', 'suspect', 'bail', '2026-07-08', 'retail'),
  m('n2o', 'tian', 'suspect', 'bail', '2026-07-08', 'retail'),
  m('n2o', 'dong', 'suspect', 'residential_surveillance', '2026-07-08', 'retail'),
  ...['yuan', 'pan', 'yu', 'cai', 'yuu', 'du', 'fang', 'shi'].map((key) =>
    m('n2o', key, 'drug_user', 'none', undefined, 'consumption'),
  ),

  m('heroin', 'ye', 'suspect', 'detained', '2026-09-02', 'distribution'),
  m('heroin', 'wei', 'suspect', 'at_large', '2026-09-02', 'source'),
  m('heroin', 'cheng', 'suspect', 'detained', '2026-09-02', 'retail'),
  m('heroin', 'lu', 'suspect', 'bail', '2026-09-06', 'retail'),
  m('heroin', 'tan', 'associate', 'none'),
  m('heroin', 'dai', 'witness', 'none'),
  m('heroin', 'xia', 'associate', 'none'),
  ...['su', 'lv', 'ding', 'ren', 'shen', 'yao', 'lu2', 'jin', 'wang2'].map((key) =>
    m('heroin', key, 'drug_user', 'none', undefined, 'consumption'),
  ),
];

/** Non-person entities, keyed, with the cases they belong to and who uses or owns them. */
interface DemoThing {
  key: string;
  entity: EntityInsert;
  cases: DemoCaseKey[];
  /** Persons (or organisations) that use/own it: each becomes a `uses`/`owns` relation. */
  users?: string[];
  owners?: string[];
}

const phone = (
  key: string,
  number: string,
  cases: DemoCaseKey[],
  users: string[],
  carrier = '中国移动',
): DemoThing => ({
  key,
  entity: { kind: 'phone', number, carrier },
  cases,
  users,
});

export const demoThings: DemoThing[] = [
  {
    key: 'gang_lihua',
    entity: { kind: 'organisation', name: '李某华贩毒团伙', orgType: 'gang' },
    cases: ['meth'],
  },
  {
    key: 'gang_zhang',
    entity: { kind: 'organisation', name: '张某龙贩毒团伙', orgType: 'gang' },
    cases: ['meth'],
  },
  {
    key: 'hengtai',
    entity: {
      kind: 'organisation',
      name: '滨江恒泰化工贸易有限公司',
      orgType: 'company',
      creditCode: '91330108MA2H7K3Q51',
      licenceNumbers: ['浙滨危化经字〔2024〕0318号'],
      address: '滨江市经济开发区恒泰路8号',
    },
    cases: ['n2o'],
  },
  {
    key: 'ktv_yese',
    entity: {
      kind: 'organisation',
      name: '夜色KTV',
      orgType: 'venue',
      venueType: 'KTV',
      address: '滨江市西湖区文三路',
    },
    cases: ['n2o'],
  },
  {
    key: 'bar_jinzun',
    entity: {
      kind: 'organisation',
      name: '金樽酒吧',
      orgType: 'venue',
      venueType: '酒吧',
      address: '滨江市上城区南山路',
    },
    cases: ['n2o'],
  },

  {
    key: 'stash_east',
    entity: {
      kind: 'location',
      name: '城东物流园仓库',
      locationType: 'stash_house',
      address: '滨江市城东区物流园B区12号',
      region: '滨江市城东区',
    },
    cases: ['meth'],
  },
  {
    key: 'kunming_trade',
    entity: {
      kind: 'location',
      name: '昆明官渡交易点',
      locationType: 'trading_place',
      address: '昆明市官渡区某停车场',
      region: '云南省昆明市',
    },
    cases: ['meth'],
  },
  {
    key: 'n2o_warehouse',
    entity: {
      kind: 'location',
      name: '恒泰公司仓库',
      locationType: 'stash_house',
      address: '滨江市经济开发区恒泰路8号3号库',
      region: '滨江市经开区',
    },
    cases: ['n2o'],
  },
  {
    key: 'wwtp_west',
    entity: {
      kind: 'location',
      name: '城西污水处理厂',
      locationType: 'wastewater_plant',
      address: '滨江市西湖区留下镇',
      region: '滨江市西湖区',
    },
    cases: ['heroin'],
  },
  {
    key: 'xiyuan',
    entity: {
      kind: 'location',
      name: '西苑新村',
      locationType: 'residence',
      address: '滨江市西湖区西苑新村',
      region: '滨江市西湖区',
      areaColour: 'red',
    },
    cases: ['heroin'],
  },

  phone('ph_yan', '13908829731', ['meth'], ['yan'], '中国电信'),
  phone('ph_lihua', '13987120468', ['meth'], ['lihua']),
  phone('ph_lihua2', '18287346159', ['meth'], ['lihua'], '中国联通'),
  phone('ph_wangqiang', '15912068347', ['meth'], ['wangqiang']),
  phone('ph_zhaofei', '13726459018', ['meth'], ['zhaofei']),
  phone('ph_sun', '15068421973', ['meth'], ['sun']),
  phone('ph_zhanglong', '13857162094', ['meth'], ['zhanglong']),
  phone('ph_liu', '13600579312', ['meth'], ['liu']),
  // One handset number used by a meth dealer and by the heroin dealer: the cross-case link.
  phone('ph_shared', '17757103386', ['meth', 'heroin'], ['chenhui', 'ye'], '中国电信'),
  phone('ph_wu', '18868014725', ['meth'], ['wu']),
  phone('ph_zheng', '13777308615', ['meth'], ['zheng']),
  phone('ph_heli', '15158832460', ['meth'], ['heli']),
  phone('ph_jiang', '13305718862', ['n2o'], ['jiang'], '中国电信'),
  phone('ph_deng', '18958127703', ['n2o'], ['deng']),
  phone('ph_ye', '13588216940', ['heroin'], ['ye']),
  phone('ph_wei', '13622907154', ['heroin'], ['wei']),
  phone('ph_cheng', '15700145238', ['heroin'], ['cheng']),

  {
    key: 'car_yunA',
    entity: {
      kind: 'vehicle',
      plate: '云A5K392',
      vehicleType: '小型轿车',
      model: '大众帕萨特',
      colour: '黑色',
    },
    cases: ['meth'],
    users: ['wangqiang'],
  },
  {
    key: 'car_zheA',
    entity: {
      kind: 'vehicle',
      plate: '浙A7M2Q8',
      vehicleType: '小型越野客车',
      model: '丰田汉兰达',
      colour: '白色',
    },
    cases: ['meth'],
    owners: ['zhanglong'],
    users: ['sun'],
  },
  {
    key: 'truck_n2o',
    entity: {
      kind: 'vehicle',
      plate: '浙A3F619',
      vehicleType: '厢式货车',
      model: '江铃顺达',
      colour: '蓝色',
    },
    cases: ['n2o'],
    owners: ['hengtai'],
    users: ['cao'],
  },

  {
    key: 'acc_zhang',
    entity: {
      kind: 'account',
      accountType: 'bank',
      accountNo: '6228480398271645312',
      institution: '中国农业银行',
      holderName: '张某龙',
    },
    cases: ['meth'],
    owners: ['zhanglong'],
  },
  {
    key: 'acc_song',
    entity: {
      kind: 'account',
      accountType: 'bank',
      accountNo: '6217001540009283746',
      institution: '中国建设银行',
      holderName: '宋某',
    },
    cases: ['meth'],
    owners: ['song'],
  },
  {
    key: 'acc_lihua',
    entity: {
      kind: 'account',
      accountType: 'alipay',
      accountNo: 'lh1983@alipay',
      institution: '支付宝',
      holderName: '李某华',
    },
    cases: ['meth'],
    owners: ['lihua'],
  },
  {
    key: 'acc_hengtai',
    entity: {
      kind: 'account',
      accountType: 'bank',
      accountNo: '1202026409900083517',
      institution: '中国工商银行',
      holderName: '滨江恒泰化工贸易有限公司',
    },
    cases: ['n2o'],
    owners: ['hengtai'],
  },
  {
    key: 'acc_deng',
    entity: {
      kind: 'account',
      accountType: 'wechat',
      accountNo: 'wxid_deng9430',
      institution: '微信支付',
      holderName: '邓某',
    },
    cases: ['n2o'],
    owners: ['deng'],
  },

  {
    key: 'parcel_1',
    entity: {
      kind: 'parcel',
      waybillNo: 'SF1402938475621',
      carrier: '顺丰速运',
      origin: '云南省瑞丽市',
      destination: '滨江市江干区',
      shippedOn: '2026-03-11',
      contents: '普洱茶（内藏甲基苯丙胺）',
      weightGrams: 2140,
    },
    cases: ['meth'],
  },
];

interface DemoRelation {
  from: string;
  to: string;
  type: RelationType;
  caseKey: DemoCaseKey;
  directed?: boolean;
  startedOn?: string;
  endedOn?: string;
  amountFen?: number;
  eventCount?: number;
  durationSeconds?: number;
  source?: string;
  reliability?: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  credibility?: number;
}

const r = (
  from: string,
  to: string,
  type: RelationType,
  caseKey: DemoCaseKey,
  extra: Partial<DemoRelation> = {},
): DemoRelation => ({
  from,
  to,
  type,
  caseKey,
  ...extra,
});

export const demoRelations: DemoRelation[] = [
  // Supply, upstream → downstream
  r('yan', 'lihua', 'supplies', 'meth', {
    startedOn: '2025-11-01',
    source: '李某华供述',
    reliability: 'B',
    credibility: 2,
  }),
  r('lihua', 'zhanglong', 'supplies', 'meth', {
    startedOn: '2025-12-10',
    source: '通话记录及资金流水',
    reliability: 'A',
    credibility: 2,
  }),
  r('lihua', 'liu', 'supplies', 'meth', {
    startedOn: '2026-01-20',
    source: '赵某飞供述',
    reliability: 'B',
    credibility: 3,
  }),
  r('zhanglong', 'wu', 'supplies', 'meth', {
    startedOn: '2026-01-05',
    reliability: 'B',
    credibility: 2,
  }),
  r('zhanglong', 'zheng', 'supplies', 'meth', {
    startedOn: '2026-01-05',
    reliability: 'B',
    credibility: 2,
  }),
  r('zhanglong', 'feng', 'supplies', 'meth', {
    startedOn: '2026-02-14',
    reliability: 'C',
    credibility: 3,
  }),
  r('liu', 'heli', 'supplies', 'meth', {
    startedOn: '2026-02-01',
    reliability: 'B',
    credibility: 2,
  }),
  r('liu', 'xu', 'supplies', 'meth', { startedOn: '2026-02-20', reliability: 'C', credibility: 3 }),
  r('chenhui', 'zhou', 'supplies', 'meth', {
    startedOn: '2026-03-01',
    source: '周某供述',
    reliability: 'B',
    credibility: 2,
  }),
  r('wu', 'ma', 'supplies', 'meth'),
  r('wu', 'zhu', 'supplies', 'meth'),
  r('zheng', 'hu', 'supplies', 'meth'),
  r('zheng', 'guo', 'supplies', 'meth'),
  r('feng', 'lin', 'supplies', 'meth'),
  r('heli', 'luo', 'supplies', 'meth'),
  r('heli', 'gao', 'supplies', 'meth'),
  r('xu', 'liang', 'supplies', 'meth'),
  r('zhou', 'qian', 'supplies', 'meth'),
  r('zhou', 'cui', 'supplies', 'meth'),
  // Transport
  r('wangqiang', 'lihua', 'transports_for', 'meth', {
    startedOn: '2026-01-15',
    source: '卡口过车记录',
    reliability: 'A',
    credibility: 1,
  }),
  r('zhaofei', 'lihua', 'transports_for', 'meth', {
    startedOn: '2026-03-11',
    source: '快递寄递记录',
    reliability: 'A',
    credibility: 1,
  }),
  r('sun', 'zhanglong', 'transports_for', 'meth', {
    startedOn: '2026-02-01',
    reliability: 'B',
    credibility: 2,
  }),
  r('zhaofei', 'parcel_1', 'uses', 'meth'),
  // Gangs
  r('lihua', 'gang_lihua', 'leads', 'meth'),
  r('wangqiang', 'gang_lihua', 'member_of', 'meth'),
  r('zhaofei', 'gang_lihua', 'member_of', 'meth'),
  r('zhanglong', 'gang_zhang', 'leads', 'meth'),
  r('liu', 'gang_zhang', 'member_of', 'meth'),
  r('sun', 'gang_zhang', 'member_of', 'meth'),
  r('wu', 'gang_zhang', 'member_of', 'meth'),
  r('zheng', 'gang_zhang', 'member_of', 'meth'),
  // Money flows upstream
  r('acc_zhang', 'acc_song', 'finances', 'meth', {
    amountFen: 86_000_000,
    eventCount: 14,
    startedOn: '2026-01-08',
    endedOn: '2026-06-20',
    source: '银行流水',
    reliability: 'A',
    credibility: 1,
  }),
  r('acc_song', 'acc_lihua', 'finances', 'meth', {
    amountFen: 84_500_000,
    eventCount: 12,
    startedOn: '2026-01-09',
    endedOn: '2026-06-21',
    source: '银行流水',
    reliability: 'A',
    credibility: 1,
  }),
  // Calls
  r('ph_zhanglong', 'ph_lihua', 'calls', 'meth', {
    eventCount: 136,
    durationSeconds: 18_420,
    startedOn: '2026-01-02',
    endedOn: '2026-06-27',
    source: '话单',
    reliability: 'A',
    credibility: 1,
  }),
  r('ph_lihua', 'ph_yan', 'calls', 'meth', {
    eventCount: 41,
    durationSeconds: 5_230,
    startedOn: '2025-11-03',
    endedOn: '2026-06-25',
    source: '话单',
    reliability: 'A',
    credibility: 1,
  }),
  r('ph_shared', 'ph_zhanglong', 'calls', 'meth', {
    eventCount: 9,
    durationSeconds: 640,
    startedOn: '2026-02-11',
    endedOn: '2026-06-02',
    source: '话单',
    reliability: 'A',
    credibility: 1,
  }),
  r('ph_shared', 'ph_ye', 'calls', 'heroin', {
    eventCount: 23,
    durationSeconds: 2_115,
    startedOn: '2026-05-14',
    endedOn: '2026-08-30',
    source: '话单',
    reliability: 'A',
    credibility: 1,
  }),
  // Kin and cohabitation
  r('zhanglong', 'huang', 'kin', 'meth', {
    directed: false,
    source: '户籍信息',
    reliability: 'A',
    credibility: 1,
  }),
  r('zhanglong', 'huang', 'lives_with', 'meth', { directed: false }),
  r('ye', 'tan', 'lives_with', 'heroin', { directed: false }),
  r('zhanglong', 'stash_east', 'uses', 'meth'),
  r('lihua', 'kunming_trade', 'uses', 'meth'),

  // Nitrous oxide: company → resellers → venues/users; money back to the company
  r('jiang', 'hengtai', 'leads', 'n2o'),
  r('han', 'hengtai', 'member_of', 'n2o'),
  r('peng', 'hengtai', 'member_of', 'n2o'),
  r('hengtai', 'cao', 'employs', 'n2o'),
  r('hengtai', 'deng', 'supplies', 'n2o', {
    startedOn: '2025-09-01',
    source: '销售台账',
    reliability: 'A',
    credibility: 1,
  }),
  r('deng', 'xiao', 'supplies', 'n2o'),
  r('deng', 'tian', 'supplies', 'n2o'),
  r('deng', 'dong', 'supplies', 'n2o'),
  r('xiao', 'ktv_yese', 'supplies', 'n2o'),
  r('tian', 'bar_jinzun', 'supplies', 'n2o'),
  r('dong', 'yuan', 'supplies', 'n2o'),
  r('dong', 'pan', 'supplies', 'n2o'),
  r('xiao', 'yu', 'supplies', 'n2o'),
  r('tian', 'cai', 'supplies', 'n2o'),
  r('tian', 'yuu', 'supplies', 'n2o'),
  r('xiao', 'du', 'supplies', 'n2o'),
  r('dong', 'fang', 'supplies', 'n2o'),
  r('tian', 'shi', 'supplies', 'n2o'),
  r('acc_deng', 'acc_hengtai', 'finances', 'n2o', {
    amountFen: 312_600_000,
    eventCount: 57,
    startedOn: '2025-09-03',
    endedOn: '2026-06-29',
    source: '银行流水',
    reliability: 'A',
    credibility: 1,
  }),
  r('jiang', 'n2o_warehouse', 'uses', 'n2o'),

  // Heroin
  r('wei', 'ye', 'supplies', 'heroin', {
    startedOn: '2026-04-01',
    source: '叶某供述',
    reliability: 'B',
    credibility: 3,
  }),
  r('ye', 'cheng', 'supplies', 'heroin'),
  r('ye', 'lu', 'supplies', 'heroin'),
  r('cheng', 'su', 'supplies', 'heroin'),
  r('cheng', 'lv', 'supplies', 'heroin'),
  r('cheng', 'ding', 'supplies', 'heroin'),
  r('lu', 'ren', 'supplies', 'heroin'),
  r('lu', 'shen', 'supplies', 'heroin'),
  r('ye', 'yao', 'supplies', 'heroin'),
  r('ye', 'lu2', 'supplies', 'heroin'),
  r('lu', 'jin', 'supplies', 'heroin'),
  r('cheng', 'wang2', 'supplies', 'heroin'),
  r('ph_ye', 'ph_wei', 'calls', 'heroin', {
    eventCount: 58,
    durationSeconds: 7_806,
    startedOn: '2026-03-28',
    endedOn: '2026-08-31',
    source: '话单',
    reliability: 'A',
    credibility: 1,
  }),
  r('ph_ye', 'ph_cheng', 'calls', 'heroin', {
    eventCount: 112,
    durationSeconds: 9_340,
    startedOn: '2026-04-05',
    endedOn: '2026-09-01',
    source: '话单',
    reliability: 'A',
    credibility: 1,
  }),
  r('ye', 'xiyuan', 'uses', 'heroin'),
];

interface DemoSeizure {
  caseKey: DemoCaseKey;
  seizedAt: string;
  place: string;
  location?: string;
  from?: string;
  drugType: string;
  form: string;
  quantityValue: string;
  quantityUnit: QuantityUnit;
  purityBasisPoints?: number;
  cashFen?: number;
  evidenceNo: string;
  tools?: string;
}

export const demoSeizures: DemoSeizure[] = [
  {
    caseKey: 'meth',
    seizedAt: '2026-06-28T02:40:00.000Z',
    place: '城东物流园仓库',
    location: 'stash_east',
    from: 'zhanglong',
    drugType: 'methamphetamine',
    form: '晶体',
    quantityValue: '25.619',
    quantityUnit: 'kg',
    purityBasisPoints: 7150,
    cashFen: 38_650_000,
    evidenceNo: 'WZ-2026-0315-01',
    tools: '电子秤2台、分装袋一批',
  },
  {
    caseKey: 'meth',
    seizedAt: '2026-06-28T03:15:00.000Z',
    place: '滨江市江干区刘某住处',
    from: 'liu',
    drugType: 'methamphetamine',
    form: '晶体',
    quantityValue: '381',
    quantityUnit: 'g',
    purityBasisPoints: 6820,
    evidenceNo: 'WZ-2026-0315-02',
  },
  {
    caseKey: 'meth',
    seizedAt: '2026-06-28T04:05:00.000Z',
    place: '滨江市余杭区吴某租住处',
    from: 'wu',
    drugType: 'methamphetamine_tablets',
    form: '片剂',
    quantityValue: '118.6',
    quantityUnit: 'g',
    evidenceNo: 'WZ-2026-0315-03',
    cashFen: 1_240_000,
  },
  {
    caseKey: 'n2o',
    seizedAt: '2026-07-02T06:30:00.000Z',
    place: '恒泰公司仓库',
    location: 'n2o_warehouse',
    from: 'jiang',
    drugType: 'nitrous_oxide',
    form: '钢瓶装液化气体',
    quantityValue: '28',
    quantityUnit: 't',
    evidenceNo: 'WZ-2026-0503-01',
    cashFen: 12_000_000,
    tools: '分装钢瓶412个、充装设备1套',
  },
  {
    caseKey: 'heroin',
    seizedAt: '2026-09-02T12:20:00.000Z',
    place: '西苑新村叶某住处',
    location: 'xiyuan',
    from: 'ye',
    drugType: 'heroin',
    form: '粉末',
    quantityValue: '52.3',
    quantityUnit: 'g',
    purityBasisPoints: 4410,
    cashFen: 2_386_000,
    evidenceNo: 'WZ-2026-0821-01',
  },
  {
    caseKey: 'heroin',
    seizedAt: '2026-09-02T13:05:00.000Z',
    place: '西湖区某出租屋',
    from: 'cheng',
    drugType: 'heroin',
    form: '粉末',
    quantityValue: '6.8',
    quantityUnit: 'g',
    evidenceNo: 'WZ-2026-0821-02',
  },
];

interface DemoEvent {
  caseKey: DemoCaseKey;
  kind: EventKind;
  occurredAt: string;
  precision?: 'day' | 'minute';
  title: string;
  place?: string;
  entities: string[];
}

export const demoEvents: DemoEvent[] = [
  {
    caseKey: 'meth',
    kind: 'delivery',
    occurredAt: '2026-03-11',
    precision: 'day',
    title: '瑞丽寄出可疑包裹（顺丰SF1402938475621）',
    place: '云南省瑞丽市',
    entities: ['zhaofei', 'parcel_1'],
  },
  {
    caseKey: 'meth',
    kind: 'search',
    occurredAt: '2026-03-14T07:30:00.000Z',
    title: '寄递物流排查发现包裹藏毒',
    place: '滨江市江干区快递网点',
    entities: ['parcel_1', 'xie'],
  },
  {
    caseKey: 'meth',
    kind: 'meeting',
    occurredAt: '2026-04-18T13:00:00.000Z',
    title: '张某龙与李某华在昆明官渡交易点会面',
    place: '昆明市官渡区',
    entities: ['zhanglong', 'lihua', 'kunming_trade'],
  },
  {
    caseKey: 'meth',
    kind: 'transfer',
    occurredAt: '2026-05-06T02:12:00.000Z',
    title: '宋某账户向李某华支付宝转账',
    entities: ['acc_song', 'acc_lihua'],
  },
  {
    caseKey: 'meth',
    kind: 'delivery',
    occurredAt: '2026-06-26T18:40:00.000Z',
    title: '王某强驾驶云A5K392入境滨江',
    place: 'G60高速滨江收费站',
    entities: ['wangqiang', 'car_yunA'],
  },
  {
    caseKey: 'meth',
    kind: 'arrest',
    occurredAt: '2026-06-28T02:30:00.000Z',
    title: '统一收网：抓获张某龙、刘某等12人',
    place: '滨江市城东区',
    entities: ['zhanglong', 'liu', 'wu', 'zheng', 'sun'],
  },
  {
    caseKey: 'meth',
    kind: 'seizure',
    occurredAt: '2026-06-28T02:40:00.000Z',
    title: '城东物流园仓库缴获甲基苯丙胺25.619千克',
    place: '城东物流园仓库',
    entities: ['stash_east', 'zhanglong'],
  },
  {
    caseKey: 'meth',
    kind: 'arrest',
    occurredAt: '2026-07-03T09:00:00.000Z',
    title: '赴昆明抓获李某华、王某强',
    place: '云南省昆明市',
    entities: ['lihua', 'wangqiang'],
  },

  {
    caseKey: 'n2o',
    kind: 'search',
    occurredAt: '2026-05-08T03:00:00.000Z',
    title: '危化品经营单位检查发现笑气流向异常',
    place: '恒泰公司',
    entities: ['hengtai'],
  },
  {
    caseKey: 'n2o',
    kind: 'purchase',
    occurredAt: '2026-05-21T08:00:00.000Z',
    title: '邓某从恒泰公司提货笑气钢瓶',
    place: '恒泰公司仓库',
    entities: ['deng', 'n2o_warehouse'],
  },
  {
    caseKey: 'n2o',
    kind: 'arrest',
    occurredAt: '2026-07-02T06:00:00.000Z',
    title: '查处恒泰公司仓库，抓获蒋某、韩某',
    place: '恒泰公司仓库',
    entities: ['jiang', 'han', 'n2o_warehouse'],
  },

  {
    caseKey: 'heroin',
    kind: 'wastewater_alert',
    occurredAt: '2026-08-02',
    precision: 'day',
    title: '城西污水处理厂吗啡类物质浓度异常',
    place: '城西污水处理厂',
    entities: ['wwtp_west'],
  },
  {
    caseKey: 'heroin',
    kind: 'test',
    occurredAt: '2026-08-19T02:00:00.000Z',
    title: '西苑新村片区毛发检测：苏某、吕某阳性',
    place: '西苑新村',
    entities: ['su', 'lv', 'xiyuan'],
  },
  {
    caseKey: 'heroin',
    kind: 'call',
    occurredAt: '2026-08-30T14:22:00.000Z',
    title: '叶某与魏某通话12分钟',
    entities: ['ph_ye', 'ph_wei'],
  },
  {
    caseKey: 'heroin',
    kind: 'arrest',
    occurredAt: '2026-09-02T12:00:00.000Z',
    title: '抓获叶某、程某',
    place: '西苑新村',
    entities: ['ye', 'cheng', 'xiyuan'],
  },
];
