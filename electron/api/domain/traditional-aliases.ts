/**
 * Traditional forms of the characters the templates' header aliases and flag words are written
 * in: Hong Kong's, Taiwan's and Macau's systems (Big5 files) name the same columns so (交易時間,
 * 對方帳號, 餘額, 借/貸). Only these characters: the aliases are all that is converted.
 */
const traditionalOf: Record<string, string> = Object.fromEntries(
  [
    '话話单單机機号號码碼对對类類贷貸标標户戶称稱开開证證种種别別现現装裝联聯电電务務计計费費记記网網',
    '绰綽询詢设設备備业業识識发發关關编編转轉后後时時间間应應结結终終挂掛区區当當长長数數续續总總实實',
    '际際踪蹤国國统統络絡经經纬緯调調动動详詳细細点點游遊状狀态態归歸属屬账帳帐帳财財体體宝寶协協据據',
    '侧側汇匯买買银銀铺鋪卖賣与與资資来來进進创創请請额額币幣万萬货貨冲沖销銷余餘场場亲親说說注註订訂',
    '处處响響净淨规規药藥员員缴繳获獲纯純绩績',
  ]
    .join('')
    .match(/../gu)!
    .map((pair) => [pair[0]!, pair[1]!]),
);

/** Each traditional character of the aliases back to its simplified form (帳 and 賬 to 账). */
const simplifiedOf: Record<string, string> = { 賬: '账' };
for (const [simplified, traditional] of Object.entries(traditionalOf))
  simplifiedOf[traditional] ??= simplified;

/** The forms 帳 and 賬 both take in traditional text (帳號 in Taiwan, 賬戶 in Hong Kong too). */
const otherForms: Record<string, string> = { 帳: '賬' };

/** Aliases with their traditional forms after them (each once). */
export function withTraditional(aliases: readonly string[]): string[] {
  const all = new Set(aliases);
  for (const alias of aliases) {
    const traditional = Array.from(alias, (character) => traditionalOf[character] ?? character);
    all.add(traditional.join(''));
    all.add(traditional.map((character) => otherForms[character] ?? character).join(''));
  }
  return [...all];
}

/**
 * Text with the aliases' traditional characters in their simplified forms (帳號：… as 账号：…), so
 * the words a simplified pattern looks for are found in a Big5 file's lines too. One character
 * for one: an index in the result is the same character's in the text, so a value found (a
 * holder's name, 陳國華) is taken from the text as written.
 */
export function simplifiedText(text: string): string {
  let result = '';
  for (const character of text) result += simplifiedOf[character] ?? character;
  return result;
}
