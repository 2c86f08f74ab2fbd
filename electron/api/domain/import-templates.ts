import { accountAndNameHeaders } from './account-and-name-headers';
import { withTraditional } from './traditional-aliases';

/** What an import can bring in, and the columns each needs. */
export const importTemplates = ['persons', 'calls', 'transactions', 'seizures'] as const;
export type ImportTemplate = (typeof importTemplates)[number];

interface ImportField {
  key: string;
  /** Required on its own; fields in `requiredGroups` are required one group at least. */
  required: boolean;
  /** Header texts other systems use for this column, compared without spaces and case. */
  aliases: string[];
}

/**
 * Columns of each template, with the headers carriers (话单), banks (流水) and Alipay/WeChat
 * bill exports use. A call list has either 主叫/被叫 columns or 本机号码 + 对方号码 (+ 呼叫类型);
 * a statement either 付款/收款 accounts or 本方 + 对手 accounts (+ 借贷标志 or signed amounts).
 */
export const importFields: Record<ImportTemplate, ImportField[]> = {
  persons: [
    { key: 'name', required: true, aliases: ['姓名', '名字', '机主姓名', '机主', '用户姓名', '客户姓名', '用户名称', '开户人姓名', '开户人', '客户名称', '机主名称', 'name'] },
    { key: 'idNumber', required: false, aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '机主证件号码', '用户证件号码', '客户证件号码', '开户证件号码', '证件号', 'idnumber', 'id'] },
    { key: 'idType', required: false, aliases: ['证件类型', '证件种类', '证件名称', 'idtype'] },
    { key: 'gender', required: false, aliases: ['性别', 'gender', 'sex'] },
    { key: 'birthDate', required: false, aliases: ['出生日期', '生日', 'birthdate'] },
    { key: 'household', required: false, aliases: ['户籍地', '户籍地址', '户籍', 'household'] },
    { key: 'address', required: false, aliases: ['现住址', '住址', '居住地', '装机地址', '用户地址', '通信地址', '联系地址', 'address'] },
    { key: 'phone', required: false, aliases: ['手机号', '手机号码', '联系电话', '电话', 'phone'] },
    { key: 'ownedPhone', required: false, aliases: ['用户号码', '服务号码', '机主号码', '计费号码', '登记号码', '入网号码', 'msisdn'] },
    { key: 'aliases', required: false, aliases: ['绰号', '别名', '化名', 'aliases', 'alias'] },
    { key: 'formerName', required: false, aliases: ['曾用名', '原名', '曾用姓名', 'formername'] },
  ],
  calls: [
    { key: 'ownNumber', required: false, aliases: ['本机号码', '本方号码', '机主号码', '用户号码', '查询号码', '计费号码', '服务号码', '本端号码', '本机', '本方号', '用户号', '目标号码', '被查询号码', '查询手机号', '手机号码', 'ownnumber', 'msisdn', 'own_number', 'user_number', '设备号码', '业务号码', '接入号码', '电话号码'] },
    { key: 'counterpart', required: false, aliases: ['对方号码', '对端号码', '对方用户号码', '对端用户号码', '对方手机号码', '对方手机号', '对方号', '对端号', '对方', '对端', '对方电话', '对方电话号码', '对方手机', '通话对方', '对端电话', '对方用户', 'counterpart', 'othernumber', 'othermsisdn', 'other_party', 'other_number', 'opp_number'] },
    { key: 'callType', required: false, aliases: ['呼叫类型', '呼叫方向', '通话方向', '主被叫', '主被叫类型', '主被叫标识', '主被叫标志', '呼叫标识', '呼叫标志', '通信方式', '通话方式', '通话类型', '话单类型', '收发类型', '收发标志', '短信类型', '收发', '类型', '主/被叫', '主叫/被叫', '被叫/主叫', '呼叫类别', '通话类别', '通信类别', '呼叫方式', '主被叫关系', '主被叫方向', '话单类别', '话单类型标识', '呼叫种类', 'calltype', 'call_type', 'direction', 'calldirection', 'call_direction', '呼叫类型代码', '通话类型代码', '呼叫类型编码', '呼叫类型标识', '方向', '呼入/呼出', '呼出/呼入', '呼出呼入', '呼入呼出', '短信方向', '发送接收', '发送/接收', '接收/发送', '收发方式', '收/发', '发/收', 'cdr类型', 'mo/mt', 'moc/mtc'] },
    { key: 'service', required: false, aliases: ['业务类型', '通信类型', '业务', '业务名称', '服务类型', '通信业务', 'service', 'servicetype'] },
    { key: 'caller', required: false, aliases: ['主叫号码', '主叫', 'caller', 'callingnumber', 'calling', 'calling_nbr', 'callingnbr', 'calling_number', 'from'] },
    { key: 'callee', required: false, aliases: ['被叫号码', '被叫', 'callee', 'callednumber', 'called', 'called_nbr', 'callednbr', 'called_number', 'to'] },
    { key: 'forwardedTo', required: false, aliases: ['呼转号码', '第三方号码', '转接号码', '前转号码', '呼叫转移号码', '转移号码', '呼转后号码', '前转目的号码', '转移目的号码', '呼转目的号码', '第三方', 'thirdparty', 'thirdpartynumber', 'forwardednumber', 'forwardedto'] },
    { key: 'originalCalled', required: false, aliases: ['原被叫号码', '原始被叫号码', '原被叫', '原始被叫', '原被叫方号码', 'originalcallednumber', 'originalcalled'] },
    { key: 'date', required: false, aliases: ['通话日期', '日期', 'date'] },
    { key: 'startedAt', required: false, aliases: ['开始时间', '通话时间', '通话开始时间', '呼叫时间', '起始时间', '通话起始时间', '开始通话时间', '呼叫开始时间', '通信时间', '通信开始时间', '发生时间', '起呼时间', '发送时间', '接收时间', '收发时间', '短信时间', '开始日期时间', '通话开始日期时间', '应答时间', '通话起始时刻', '起始时刻', '开始时刻', '通话开始时刻', '呼叫时刻', '时间', 'starttime', 'start_time', 'begin_time', 'time'] },
    { key: 'endedAt', required: false, aliases: ['结束时间', '通话结束时间', '终止时间', '挂机时间', '通话终止时间', '结束日期时间', 'endtime', 'end_time'] },
    { key: 'timeZone', required: false, aliases: ['时区', '通话时区', '当地时区', '时差', 'timezone'] },
    { key: 'duration', required: false, aliases: ['通话时长', '时长', '通话时长(秒)', '时长(秒)', '通话时长秒', '通信时长', '通话秒数', '通话时长(s)', '通话持续时间', '持续时间', '计费时长', '通话时间长', '通话时长(分:秒)', 'duration', 'call_duration', 'calldur', '通话时长/秒', '时长/秒', '通话时长[秒]', '通话总时长', '实际通话时长', '通话时长秒数', '通话时间(秒)', '持续时长', '时长秒', 'dur'] },
    { key: 'baseStation', required: false, aliases: ['基站', '基站号', '基站编号', '基站代码', '基站信息', '本端基站', 'lac-ci', 'lacci', 'lac/ci', 'tac-eci', 'cgi', 'ecgi', 'cell', 'basestation', '起始基站', '开始基站', '首基站', '起始基站号', '开始基站号', '起始lac-ci', '开始lac-ci', '本端lac-ci', '起始lacci', '位置区-小区', '基站(lac-ci)', 'lac-ci(起始)', '5g基站', 'nr基站', 'gnb基站', 'gnodeb基站', '5g基站号', 'nr基站号'] },
    { key: 'lac', required: false, aliases: ['lac', '位置区', '位置区码', '位置区号', '位置区编码', '本端lac', '本端位置区', 'lac号', 'lac码', 'lac_id', 'lacid', '基站lac', '基站位置区', 'tac', '跟踪区', '跟踪区码', 'lac/tac', 'tac/lac', 'lac(tac)', '本方lac', '本方位置区', '本端位置区码', '位置区代码', '起始lac', '开始lac', '首lac', 'lac/tac码', 'lac_tac', 'lac-tac', '起始位置区', '开始位置区'] },
    { key: 'ci', required: false, aliases: ['ci', '小区', '小区号', '小区识别码', '小区标识', '小区id', '本端ci', '本端小区', 'cellid', 'cell_id', 'ci号', 'ci码', '基站ci', '基站小区', '小区代码', '小区编号', '扇区', '扇区号', '扇区编号', 'eci', 'nci', 'cid', '小区码', '小区识别号', '小区编码', 'ci号码', 'sac', 'ci/eci', 'eci/ci', '本方ci', '本方小区', '本端小区号', '小区标识号', '起始ci', '开始ci', '首ci', 'ci/eci码', 'ci_eci', 'ci-eci', '起始小区', '开始小区', '起始小区号'] },
    { key: 'tac', required: false, aliases: ['tac', '跟踪区', '跟踪区码', '跟踪区号', '4g位置区', 'lte位置区', '4g/5gtac', 'tac/ntac', '5g跟踪区'] },
    { key: 'eci', required: false, aliases: ['eci', 'e-ci', '4g小区', 'lte小区', 'e-utran小区', 'ecgi小区', 'eci/nci', 'nci/eci', '5g小区'] },
    // A list that gives the 4G and the 5G cell apart (ECI beside NCI): a 5G row's cell.
    { key: 'nci', required: false, aliases: ['nci', 'nr小区', '5g小区', 'nrci', 'nr-ci', 'nr小区号', '5g小区号', 'nrcgi', 'nr-cgi', '5g小区标识', 'nr小区标识'] },
    { key: 'eNodeB', required: false, aliases: ['enodeb', 'enodebid', 'enodeb号', 'enbid', 'enb', 'enb号', 'enodeb标识', 'enb标识', 'gnodeb', 'gnodebid', 'gnb', 'gnbid', 'enbid号'] },
    // A CDMA (中国电信 2G/3G) cell is its BSID within its network (NID) within its system (SID):
    // a BSID, or a 基站号 and 扇区, alone is many sites in many cities.
    { key: 'sid', required: false, aliases: ['sid', '系统识别码', '系统标识', '系统识别号', 'cdmasid'] },
    { key: 'nid', required: false, aliases: ['nid', '网络识别码', '网络标识', '网络识别号', 'cdmanid'] },
    { key: 'bsid', required: false, aliases: ['bsid', '基站识别码', '基站标识码', 'cdma基站', 'cdmabsid'] },
    // A list of 主叫号码/被叫号码 that gives each end's cell: the target's is the end it is.
    { key: 'callerLac', required: false, aliases: ['主叫lac', '主叫位置区', '主叫lac号', '主叫tac', '主叫位置区码', '主叫lac/tac'] },
    { key: 'callerCi', required: false, aliases: ['主叫ci', '主叫小区', '主叫ci号', '主叫eci', '主叫cellid', '主叫小区号', '主叫ci/eci'] },
    { key: 'calleeLac', required: false, aliases: ['被叫lac', '被叫位置区', '被叫lac号', '被叫tac', '被叫位置区码', '被叫lac/tac'] },
    { key: 'calleeCi', required: false, aliases: ['被叫ci', '被叫小区', '被叫ci号', '被叫eci', '被叫cellid', '被叫小区号', '被叫ci/eci'] },
    // Where the list places the row's cell (基站经度/基站纬度/基站地址: 调证 platforms and most
    // 移动/联通 lists for police; often the only cell they give), as printed: decimal degrees or
    // 度分秒, WGS-84 or GCJ-02 alike (a few hundred metres apart, nothing at the map's scale).
    { key: 'longitude', required: false, aliases: ['基站经度', '经度', '小区经度', '基站经度(度)', 'lng', 'lon', 'longitude', 'cell_lng', 'cell_lon', 'cell_longitude'] },
    { key: 'latitude', required: false, aliases: ['基站纬度', '纬度', '小区纬度', '基站纬度(度)', 'lat', 'latitude', 'cell_lat', 'cell_latitude'] },
    { key: 'cellAddress', required: false, aliases: ['基站地址', '基站位置', '位置', '基站所在地', '基站详细地址', '小区地址', '基站地点', 'cell_address', 'celladdress'] },
    { key: 'imei', required: false, aliases: ['imei', 'imei_id', 'imeiid', '串号', '手机串号', '设备号', '设备串号', 'imei号', '终端imei', '本机imei', '本端imei', 'imei号码', 'imei码', '手机imei', '设备imei', '终端串号', 'imei/meid', 'meid', 'meid号', '本方imei', '手机imei号', 'meid/imei', 'imei号码/meid', '终端imei号', 'imeisv', 'imei(sv)', 'imei/imeisv', '终端imeisv'] },
    { key: 'imsi', required: false, aliases: ['imsi', '用户识别码', 'imsi号', '本机imsi', '本端imsi', 'imsi号码', 'imsi码', '用户imsi', '本机imsi号', '本方imsi', 'sim卡imsi', 'imsi/sim'] },
    { key: 'roamingArea', required: false, aliases: ['漫游地', '通话地', '通话地点', '通信地点', '本机通话地', '通话所在地'] },
    { key: 'roamingType', required: false, aliases: ['漫游类型', '漫游状态', '漫游标志', '漫游类别'] },
    { key: 'ownArea', required: false, aliases: ['本机归属地', '本方归属地'] },
    { key: 'counterpartArea', required: false, aliases: ['对方归属地', '对端归属地', '对方号码归属地', '对端号码归属地', '对方归属', '对端归属'] },
    // The far end's area code in a column of its own (对方区号 020 beside 对方号码 87654321).
    { key: 'counterpartAreaCode', required: false, aliases: ['对方区号', '对端区号', '对方号码区号', '对端号码区号', '对方长途区号', '对端长途区号', '对方地区号', '对方区号码'] },
  ],
  transactions: [
    { key: 'account', required: false, aliases: ['交易卡号', '交易账号', '本方账号', '本方卡号', '查询账号', '查询卡号', '客户账号', '交易帐号', '本方帐号', '查询帐号', '客户帐号', '本方账户', '交易账户', '查询账户', '卡号', '账号', '帐号', '账号/卡号', '卡号/账号', '用户id', '财付通账号', '微信支付账号', 'account', '交易主体账号', '交易主体卡号', '交易主体账卡号', '主体账号', '主体卡号', '支付宝账户', '支付宝账号', '支付宝用户id', '对应的协查数据'] },
    { key: 'accountOther', required: false, aliases: ['交易账号', '交易帐号', '本方账号', '本方帐号', '客户账号', '账号', '帐号', '交易账户'] },
    { key: 'accountName', required: false, aliases: ['交易户名', '交易方户名', '本方户名', '户名', '客户名称', '账户名称', '帐户名称', '本方名称', '用户侧账号名称', '用户侧账户名称', '付款方名称', '付款人名称', '付款方户名', '付款人户名', '付款方姓名', '付款人姓名', '转出户名', '转出方户名', '转出方名称', '汇款人户名', '汇款人名称', '汇款人姓名', '买家信息', '买家姓名', '买家名称', 'accountname', '交易主体户名', '交易主体名称', '交易主体姓名', '主体户名'] },
    { key: 'accountIdNumber', required: false, aliases: ['交易方证件号码', '交易方证件号', '交易证件号码', '本方证件号码', '本方证件号', '本方身份证号', '客户证件号码', '客户证件号', '开户人证件号码', '持卡人证件号码', '户主证件号码', '开户证件号码', '证件号码', '证件号', '身份证号', '身份证号码', '公民身份号码', 'idnumber', '交易主体证件号码', '交易主体证件号', '主体证件号码'] },
    { key: 'counterpartAccount', required: false, aliases: ['对手账号', '对方账号', '对手卡号', '对方卡号', '交易对手账号', '对方账户', '对手账户', '对手帐号', '对方帐号', '对手方账号', '对方账号/卡号', '对方卡号/账号', '对手账号/卡号', '收/付方账号', '交易对手账卡号', '对方账户账号', '对手账户账号', '对方账户号', '对方账户号码', '对手方id', '对手方账号', '对方id', '对手方银行卡号', '对方银行卡号', '对手银行卡号', 'counterpartaccount', '交易对手卡号', '交易对手账户'] },
    { key: 'counterpartName', required: false, aliases: ['对手户名', '对方户名', '交易对方', '对方名称', '对手名称', '交易对手', '对手方户名', '对方姓名', '对手姓名', '收/付方名称', '交易对手名称', '对方账户名称', '对方账户名', '对方账户户名', '对手账户名称', '对手方名称', '对手侧账户名称', '对手方账户名称', '收款方名称', '收款人名称', '收款方户名', '收款人户名', '收款方姓名', '收款人姓名', '转入户名', '转入方户名', '转入方名称', '商户名称', '商户', '店铺名称', '商家名称', '店铺', '商家', '交易对象', '卖家信息', '卖家姓名', '卖家名称', 'counterpartname', '交易对手户名', '交易对手姓名', '对手方姓名', '收付款方', '收/付款方', '交易对方名称', '对方单位名称', '对方单位', '收付款人名称', '对方户名称', '对方客户名称', '对方客户名', '收款方'] },
    // 财付通's merchant of a 消费 whose 对手方 columns are empty.
    { key: 'thirdPartyName', required: false, aliases: ['第三方账户名称', '第三方名称', '第三方户名'] },
    { key: 'counterpartIdNumber', required: false, aliases: ['对手身份证号', '对手证件号码', '对手证件号', '对手身份证号码', '对方证件号码', '对方证件号', '对方身份证号', '对方身份证号码', '交易对手证件号码', '交易对手证件号', '交易对手身份证号', '对手方证件号码', '对手方身份证号', '收/付方证件号码', 'counterpartidnumber'] },
    { key: 'counterpartInfo', required: false, aliases: ['对手信息', '对方信息', '交易对手信息', '对方账户信息', '对手方信息', ...accountAndNameHeaders()] },
    { key: 'counterpartBank', required: false, aliases: ['对手开户行', '对方开户行', '对手行名', '对方银行', '对手开户银行', '对方开户银行', '对方行名', '对手方开户行', '交易对手开户行', '交易对手行名', '交易对手开户银行'] },
    { key: 'fromAccount', required: false, aliases: ['付款账号', '转出账号', '付款方账号', '付款帐号', '转出帐号', '付款人账号', '汇款人账号', '汇款账号', '出账账号', '转出方账号', '付款方支付宝账号', '付款支付宝账号', '买家用户id', '买家支付宝账号', '买家支付宝用户id', '买家账号', '买家账户', 'from', 'fromaccount'] },
    { key: 'toAccount', required: false, aliases: ['收款账号', '转入账号', '收款方账号', '收款帐号', '转入帐号', '收款人账号', '入账账号', '转入方账号', '收款方支付宝账号', '收款支付宝账号', '卖家用户id', '卖家支付宝账号', '卖家支付宝用户id', '卖家账号', '卖家账户', 'to', 'toaccount'] },
    // An Alipay 转账明细's user IDs (2088…) beside the logins: the user's stable key.
    { key: 'fromUserId', required: false, aliases: ['付款支付宝用户id', '付款方支付宝用户id', '付款用户id', '付款方用户id', '付款人用户id', '转出方用户id'] },
    { key: 'toUserId', required: false, aliases: ['收款支付宝用户id', '收款方支付宝用户id', '收款用户id', '收款方用户id', '收款人用户id', '转入方用户id'] },
    { key: 'toCard', required: false, aliases: ['收款银行卡号', '收款卡号', '收款方银行卡号', '收款人银行卡号'] },
    { key: 'ownCard', required: false, aliases: ['用户银行卡号', '用户侧银行卡号', '用户侧卡号', '用户卡号'] },
    { key: 'debitCredit', required: false, aliases: ['借贷标志', '借贷方向', '借贷', '收/支', '收/支/其他', '收支', '收付标志', '收付', '资金方向', '资金流向', '出入账标志', '交易方向', '收支类型', '借贷标识', '借贷标记', '收付方向', '收支方向', '出入账', '收付款标志', '交易借贷标志', '来往账标志', '来往账', '往来账标志', '来账往账', '存取标志', '存取', '存取方式', '收支标志', '进出标志', '出入标志', '借贷类型', '收付类型', 'd/c', 'debitcredit', 'dc'] },
    { key: 'date', required: false, aliases: ['交易日期', '交易日', '日期', '记账日期', '入账日期', '记账日', 'date'] },
    { key: 'at', required: false, aliases: ['交易时间', '时间', '付款时间', '交易创建时间', '记账时间', '交易日期时间', '入账时间', '发生时间', '转账申请时间', '转账时间', '到账时间', '支付时间', '收款时间', '创建时间', '交易成功时间', '支付成功时间', '交易完成时间', 'time', 'at'] },
    { key: 'amount', required: false, aliases: ['交易金额', '金额', '金额(元)', '人民币金额', '交易金额(人民币)', '金额(人民币)', '发生额', '交易发生额', '交易金额(元)', '发生金额', '交易额', '转账金额(元)', '转账金额', '提现金额', '提现金额(元)', '交易金额(万元)', '金额(万元)', '发生额(万元)', '实付金额', '实付金额(元)', '实付款', '记账金额', '记账金额(元)', '收入/支出金额', '支出/收入金额', '收支金额', '收付金额', '本次发生额', '变动金额', '出入金额', '存取金额', '出入账金额', 'amount'] },
    { key: 'amountUnit', required: false, aliases: ['金额单位', '货币单位'] },
    { key: 'amountInFen', required: false, aliases: ['交易金额(分)', '金额(分)', '转账金额(分)', '发生额(分)', 'amount(fen)'] },
    { key: 'debitAmount', required: false, aliases: ['支出金额', '借方金额', '借方发生额', '支出', '付款金额', '借方', '出账金额', '转出金额', '支出金额(元)', '借方发生额(元)', '交易金额(支出)', '记账金额(支出)', '支取金额', '支取', '付出金额', '转出金额(元)', '取出金额', '取出', '支出额', '付出', '付出额', '取款', '取款金额', '取款额', '出金', '出金金额', '转出额', '出账额', '支取额'] },
    { key: 'creditAmount', required: false, aliases: ['收入金额', '贷方金额', '贷方发生额', '收入', '收款金额', '贷方', '入账金额', '转入金额', '收入金额(元)', '贷方发生额(元)', '交易金额(收入)', '记账金额(收入)', '存入金额', '存入', '进账金额', '转入金额(元)', '收入额', '存入额', '存款', '存款金额', '存款额', '入金', '入金金额', '转入额', '入账额', '收款额', '进账额'] },
    // A bank's mark of the row that reverses another (冲正标志 冲正/是), beside its 原流水号.
    { key: 'reversalFlag', required: false, aliases: ['冲正标志', '冲正标识', '是否冲正', '冲正标记', '抹账标志', '撤销标志', '冲销标志'] },
    // The serial of the row a reversal undoes (原交易流水号): that row, of several alike.
    { key: 'originalReference', required: false, aliases: ['原交易流水号', '原流水号', '原交易单号', '原交易号', '原始流水号', '原交易序号', '被冲正流水号', '原业务流水号'] },
    // 中国银行's 交易名称 (转账支出, 冲正) beside its 渠道 and 附言: the bank's word for the row.
    { key: 'transactionName', required: false, aliases: ['交易名称', '业务名称', '交易种类', '业务种类', '交易名'] },
    // The bank's fee beside the amount: the balance falls by both.
    { key: 'fee', required: false, aliases: ['手续费', '手续费(元)', '交易手续费', '手续费金额', '费用', '服务费'] },
    { key: 'refunded', required: false, aliases: ['成功退款(元)', '成功退款', '退款金额', '退款金额(元)', '已退款金额', '已退款金额(元)'] },
    { key: 'balance', required: false, aliases: ['交易余额', '余额', '账户余额', '联机余额', '交易后余额', '本次余额', '当前余额', '账面余额', '余额(元)', '交易余额(元)', '账户余额(元)', '联机余额(元)', 'balance'] },
    { key: 'channel', required: false, aliases: ['交易渠道', '渠道', '交易方式', '交易类型', '支付方式', '收/付款方式', '交易场所', '交易业务类型', 'channel'] },
    // What paid, where 交易类型 took the channel: a WeChat 亲属卡(老周) is the giver's money.
    { key: 'paidWith', required: false, aliases: ['支付方式', '收/付款方式', '付款方式'] },
    { key: 'summary', required: false, aliases: ['摘要', '交易摘要', '业务摘要', '摘要说明', '交易描述', '商品说明', '商品名称', '商品', '附言', '用途', '交易用途类型', '交易用途', '备注', '交易备注', '交易说明', 'summary'] },
    // A remark beside the 摘要 (备注, 附言): where no status column is given, the one place a
    // statement says a transfer failed (交易失败, 余额不足); any other remark is just a remark.
    { key: 'note', required: false, aliases: ['备注', '交易备注', '附言', '备注说明', '备注信息', '交易附言', '附加信息', 'remark', 'remarks', 'memo', 'note'] },
    { key: 'reference', required: false, aliases: ['交易单号', '交易流水号', '流水号', '交易订单号', '交易号', '交易序号', '订单号', '订单编号', '业务流水号', '商户订单号', 'reference'] },
    // WeChat's 大单号: one red packet's order, its 发红包 and its 红包退款 under two 交易单号.
    { key: 'orderGroup', required: false, aliases: ['大单号'] },
    { key: 'status', required: false, aliases: ['交易状态', '当前状态', '交易是否成功', '订单状态', '支付状态', '状态', '交易结果', '处理结果', '交易处理结果', '应答码', '响应码', '返回码', '交易应答码', '交易响应码', '交易返回码', 'status'] },
    { key: 'currency', required: false, aliases: ['交易币种', '币种', '币别', '货币', '交易货币', '货币种类', '币种名称', '交易币别', 'currency'] },
    // Where the transfer was made from (the 公安 standard bank reply's IP地址, MAC地址, 交易网点名称;
    // platforms' 设备号) and the bank's numbers for the row (日志号, 凭证号, 传票号): what a
    // request for the voucher or the counter's video names, and what links one controller's
    // accounts. A POS's 终端号 is the shop's, not the payer's: not a device here.
    { key: 'ip', required: false, aliases: ['ip地址', 'ip', '交易ip', '交易ip地址', '登录ip', '登录ip地址', '客户端ip', '客户端ip地址', '终端ip', '终端ip地址', '操作ip', '操作ip地址', '交易终端ip', 'ip地址(交易)', 'ipaddress', 'ip_address', 'clientip'] },
    { key: 'mac', required: false, aliases: ['mac地址', 'mac', '交易mac', '交易mac地址', '终端mac', '终端mac地址', '设备mac', '设备mac地址', '客户端mac', '客户端mac地址', '网卡地址', '网卡mac', 'macaddress', 'mac_address'] },
    { key: 'device', required: false, aliases: ['设备号', '设备id', '设备编号', '交易设备号', '设备标识', '设备标识号', '登录设备号', '操作设备号', '设备序列号', '设备唯一标识', '设备指纹', 'deviceid', 'device_id', 'device'] },
    { key: 'branch', required: false, aliases: ['交易网点名称', '交易网点', '网点名称', '营业网点', '交易机构名称', '交易机构', '交易行名称', '交易发生地', '交易地点', '网点', 'branch'] },
    { key: 'logNo', required: false, aliases: ['日志号', '交易日志号', '日志编号', '主机日志号', 'logno'] },
    { key: 'voucherNo', required: false, aliases: ['凭证号', '凭证号码', '凭证编号', '交易凭证号', '传票号', '传票编号', '凭证序号', 'voucherno'] },
  ],
  seizures: [
    { key: 'caseNo', required: false, aliases: ['案件编号', '案件号', '案号', '案件编号/案号', 'caseno'] },
    { key: 'drug', required: true, aliases: ['毒品种类', '毒品名称', '物品名称/毒品种类', '物品名称', '品名', '物品', '名称', 'drug'] },
    { key: 'quantity', required: true, aliases: ['数量', '重量', '数量/重量', '净重', '毛重', '称量', 'quantity'] },
    { key: 'weight', required: false, aliases: ['重量', '净重', '毛重', '称量', '称重', '称量重量', 'weight'] },
    { key: 'unit', required: false, aliases: ['计量单位', '单位', 'unit'] },
    { key: 'content', required: false, aliases: ['规格/含量', '规格', '含量', '规格含量', '药品含量', 'content'] },
    { key: 'weightBasis', required: false, aliases: ['毛重/净重', '净重/毛重', '称重方式', '重量类型', 'weightbasis'] },
    { key: 'holder', required: false, aliases: ['持有人', '持有人姓名', '涉案人员', '犯罪嫌疑人', '嫌疑人', 'holder'] },
    { key: 'holderIdNumber', required: false, aliases: ['持有人身份证号', '持有人证件号码', '身份证号', '公民身份号码', '证件号码'] },
    { key: 'date', required: false, aliases: ['缴获日期', '扣押日期', '查获日期', '称量日期', '日期', 'date'] },
    { key: 'seizedAt', required: false, aliases: ['缴获时间', '扣押时间', '查获时间', '称量时间', '时间', 'seizedat'] },
    { key: 'place', required: false, aliases: ['缴获地点', '扣押地点', '查获地点', '地点', 'place'] },
    { key: 'evidenceNo', required: false, aliases: ['物证编号', '扣押清单号', '扣押清单编号', '物证编号/扣押清单号', '物证号', '清单号', 'evidenceno'] },
    { key: 'purity', required: false, aliases: ['纯度', '纯度(%)', '纯度（%）', '含量(%)', 'purity'] },
    // The drug money seized with the drugs: the 成绩单's 缴获毒资.
    { key: 'cash', required: false, aliases: ['缴获毒资', '缴获毒资(元)', '缴获毒资(万元)', '毒资', '毒资(元)', '毒资(万元)', '毒资金额', '毒资金额(元)', '缴获现金', '缴获现金(元)', '扣押现金', '扣押现金(元)', '现金', '现金(元)', '涉案资金', '涉案资金(元)', '涉案现金', 'cash'] },
    { key: 'notes', required: false, aliases: ['备注', '说明', 'notes'] },
  ],
}; // prettier-ignore

// Hong Kong's, Taiwan's and Macau's files (Big5) name the same columns in traditional characters.
for (const fields of Object.values(importFields))
  for (const field of fields) field.aliases = withTraditional(field.aliases);

/**
 * Fields of which at least one group must be mapped completely, per template. The first group
 * listed is the one named when none is complete.
 */
export const requiredGroups: Record<ImportTemplate, string[][]> = {
  persons: [['name']],
  calls: [
    ['ownNumber', 'counterpart', 'startedAt'],
    ['caller', 'callee', 'startedAt'],
    ['ownNumber', 'counterpart', 'date'],
    ['caller', 'callee', 'date'],
  ],
  transactions: [
    ['account', 'at'],
    ['fromAccount', 'toAccount', 'at'],
    ['account', 'date'],
    ['fromAccount', 'toAccount', 'date'],
  ],
  seizures: [
    ['drug', 'quantity', 'date'],
    ['drug', 'quantity', 'seizedAt'],
  ],
};

/** Debit/credit values on bank and payment statements: out of the account, or into it. */
export const debitCreditAliases: Record<'out' | 'in', string[]> = {
  out: ['借', '借方', '支出', '支', '付', '付款', '支付', '出', '转出', 'd', 'dr', 'debit', '-', '−', '出账', '已支出', '取', '取款', '支取', '取出', '借记', '往账', '往', '汇出', '付出', '转支', '现支', '转取', '现取', '流出'],
  in: ['贷', '贷方', '收入', '收', '进', '收款', '转入', 'c', 'cr', 'credit', '+', '入账', '入', '已收入', '存', '存入', '存款', '贷记', '来账', '来', '进账', '汇入', '转存', '现存', '流入'],
}; // prettier-ignore

/** A header as compared with aliases: no spaces, no full-width brackets, lower case. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * A lookup from value to alias name (call types, debit/credit flags), built once: values are
 * compared like headers, and the last 1,000 values seen are remembered (a column repeats a
 * handful of values a million times).
 */
export function aliasMatcher<K extends string>(
  aliases: Record<K, string[]>,
): (value: string) => K | undefined {
  const byKey = new Map<string, K>();
  for (const [name, list] of Object.entries(aliases) as [K, string[]][])
    for (const alias of withTraditional(list)) byKey.set(headerKey(alias), name);
  return remembered((value) => byKey.get(headerKey(value)));
}

/**
 * `read` with the answers for the first 1,000 distinct values remembered: a column repeats a
 * handful of values a million times, and one of a million distinct values does not grow memory.
 */
export function remembered<V>(read: (value: string) => V): (value: string) => V {
  const seen = new Map<string, V>();
  return (value) => {
    // One lookup for a value seen (a million rows ask): `has` only for an answer of undefined.
    const known = seen.get(value);
    if (known !== undefined || seen.has(value)) return known as V;
    const found = read(value);
    if (seen.size < 1_000) seen.set(value, found);
    return found;
  };
}
