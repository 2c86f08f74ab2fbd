import type { Gender, RiskGrade } from '../../api/domain/person-vocabulary';

/**
 * Fictional people for the demo workspace. Names follow the 某 convention of published case
 * reports; ID numbers are generated with a valid GB 11643 check digit but belong to no one.
 */
export interface DemoPerson {
  key: string;
  name: string;
  aliases?: string[];
  gender: Exclude<Gender, 'unknown'>;
  /** YYYYMMDD */
  born: string;
  /** Region code of the ID number (GB/T 2260). */
  region: string;
  household: string;
  address?: string;
  riskGrade?: RiskGrade;
  /** Some persons are recorded without an ID number (only a nickname is known). */
  noIdNumber?: boolean;
}

const p = (
  key: string,
  name: string,
  gender: 'male' | 'female',
  born: string,
  region: string,
  household: string,
  extra: Partial<DemoPerson> = {},
): DemoPerson => ({ key, name, gender, born, region, household, ...extra });

export const demoPeople: DemoPerson[] = [
  // —— “3·15” methamphetamine chain: Yunnan source → couriers → Binjiang dealers → retail → users
  p('yan', '岩某', 'male', '19790412', '533102', '云南省瑞丽市', {
    aliases: ['岩哥', '老岩'],
    noIdNumber: true,
  }),
  p('lihua', '李某华', 'male', '19830927', '530102', '云南省昆明市五华区', {
    aliases: ['华哥'],
    address: '昆明市五华区某小区',
  }),
  p('wangqiang', '王某强', 'male', '19880305', '530111', '云南省昆明市官渡区', {
    aliases: ['强子'],
  }),
  p('zhaofei', '赵某飞', 'male', '19920718', '445281', '广东省普宁市', { aliases: ['阿飞'] }),
  p('sun', '孙某', 'male', '19900221', '330106', '浙江省滨江市西湖区'),
  p('zhanglong', '张某龙', 'male', '19850614', '330105', '浙江省滨江市拱墅区', {
    aliases: ['龙哥'],
    address: '滨江市城东区丽景苑',
  }),
  p('huang', '黄某', 'female', '19870902', '330105', '浙江省滨江市拱墅区', {
    address: '滨江市城东区丽景苑',
  }),
  p('liu', '刘某', 'male', '19891130', '330104', '浙江省滨江市江干区', { aliases: ['刘三'] }),
  p('chenhui', '陈某辉', 'male', '19860817', '330102', '浙江省滨江市上城区', { aliases: ['辉仔'] }),
  p('zhou', '周某', 'male', '19940126', '330109', '浙江省滨江市萧山区'),
  p('wu', '吴某', 'male', '19950503', '330110', '浙江省滨江市余杭区'),
  p('zheng', '郑某', 'male', '19930809', '330106', '浙江省滨江市西湖区'),
  p('feng', '冯某', 'male', '19961221', '330108', '浙江省滨江市滨江区'),
  p('heli', '何某丽', 'female', '19970314', '330104', '浙江省滨江市江干区', { aliases: ['丽丽'] }),
  p('xu', '许某', 'male', '19910607', '330102', '浙江省滨江市上城区'),
  p('song', '宋某', 'female', '19900118', '330103', '浙江省滨江市下城区'),
  p('xie', '谢某', 'male', '19820429', '330110', '浙江省滨江市余杭区'),
  p('ma', '马某', 'male', '19980211', '330105', '浙江省滨江市拱墅区', { riskGrade: 'high' }),
  p('zhu', '朱某', 'male', '19970825', '330106', '浙江省滨江市西湖区', { riskGrade: 'medium' }),
  p('hu', '胡某', 'female', '19990304', '330108', '浙江省滨江市滨江区', { riskGrade: 'medium' }),
  p('guo', '郭某', 'male', '19920916', '330104', '浙江省滨江市江干区', { riskGrade: 'high' }),
  p('lin', '林某', 'male', '20000113', '330109', '浙江省滨江市萧山区', { riskGrade: 'low' }),
  p('luo', '罗某', 'male', '19951027', '330110', '浙江省滨江市余杭区', { riskGrade: 'medium' }),
  p('gao', '高某', 'female', '19980719', '330102', '浙江省滨江市上城区', { riskGrade: 'low' }),
  p('liang', '梁某', 'male', '19960530', '330103', '浙江省滨江市下城区', { riskGrade: 'high' }),
  p('qian', '钱某', 'male', '19931208', '330106', '浙江省滨江市西湖区', { riskGrade: 'medium' }),
  p('cui', '崔某', 'female', '20010222', '330108', '浙江省滨江市滨江区', { riskGrade: 'low' }),

  // —— Nitrous oxide: a chemical trading company reselling 笑气 for inhalation
  p('jiang', '蒋某', 'male', '19760811', '330103', '浙江省滨江市下城区', {
    address: '滨江市经济开发区恒泰路8号',
  }),
  p('han', '韩某', 'male', '19840402', '330104', '浙江省滨江市江干区'),
  p('cao', '曹某', 'male', '19870623', '330109', '浙江省滨江市萧山区'),
  p('peng', '彭某', 'male', '19800115', '330110', '浙江省滨江市余杭区'),
  p('deng', '邓某', 'male', '19940930', '330106', '浙江省滨江市西湖区', { aliases: ['小邓'] }),
  p('xiao', '萧某', 'female', '19960708', '330105', '浙江省滨江市拱墅区'),
  p('tian', '田某', 'male', '19921117', '330102', '浙江省滨江市上城区'),
  p('dong', '董某', 'male', '19950224', '330108', '浙江省滨江市滨江区'),
  p('yuan', '袁某', 'male', '20020416', '330104', '浙江省滨江市江干区', { riskGrade: 'low' }),
  p('pan', '潘某', 'female', '20010905', '330106', '浙江省滨江市西湖区', { riskGrade: 'low' }),
  p('yu', '于某', 'male', '20000628', '330109', '浙江省滨江市萧山区', { riskGrade: 'medium' }),
  p('cai', '蔡某', 'female', '20030117', '330110', '浙江省滨江市余杭区', { riskGrade: 'low' }),
  p('yuu', '余某', 'male', '19990321', '330103', '浙江省滨江市下城区', { riskGrade: 'medium' }),
  p('du', '杜某', 'male', '20020812', '330105', '浙江省滨江市拱墅区', { riskGrade: 'low' }),
  p('fang', '方某', 'female', '20011019', '330102', '浙江省滨江市上城区', { riskGrade: 'low' }),
  p('shi', '石某', 'male', '19981203', '330108', '浙江省滨江市滨江区', { riskGrade: 'medium' }),

  // —— Heroin: a wastewater alert at the 城西 plant → one district → a dealer
  p('ye', '叶某', 'male', '19810507', '330106', '浙江省滨江市西湖区', {
    aliases: ['叶老板'],
    address: '滨江市西湖区西苑新村',
  }),
  p('tan', '谭某', 'female', '19850919', '330106', '浙江省滨江市西湖区', {
    address: '滨江市西湖区西苑新村',
  }),
  p('wei', '魏某', 'male', '19770224', '445202', '广东省揭阳市榕城区', { aliases: ['阿魏'] }),
  p('cheng', '程某', 'male', '19881012', '330106', '浙江省滨江市西湖区'),
  p('lu', '陆某', 'male', '19900601', '330106', '浙江省滨江市西湖区'),
  p('su', '苏某', 'male', '19830715', '330106', '浙江省滨江市西湖区', { riskGrade: 'high' }),
  p('lv', '吕某', 'male', '19791128', '330106', '浙江省滨江市西湖区', { riskGrade: 'high' }),
  p('ding', '丁某', 'female', '19860203', '330106', '浙江省滨江市西湖区', { riskGrade: 'medium' }),
  p('ren', '任某', 'male', '19750819', '330106', '浙江省滨江市西湖区', { riskGrade: 'high' }),
  p('shen', '沈某', 'male', '19920427', '330106', '浙江省滨江市西湖区', { riskGrade: 'medium' }),
  p('yao', '姚某', 'male', '19800930', '330106', '浙江省滨江市西湖区', { riskGrade: 'medium' }),
  p('lu2', '卢某', 'female', '19890514', '330106', '浙江省滨江市西湖区', { riskGrade: 'low' }),
  p('jin', '金某', 'male', '19780106', '330106', '浙江省滨江市西湖区', { riskGrade: 'high' }),
  p('wang2', '汪某', 'male', '19840223', '330106', '浙江省滨江市西湖区', { riskGrade: 'medium' }),
  p('dai', '戴某', 'male', '19870711', '330103', '浙江省滨江市下城区'),
  p('xia', '夏某', 'female', '19910325', '330106', '浙江省滨江市西湖区'),
];
