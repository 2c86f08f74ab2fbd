/**
 * Big5: the encoding of Hong Kong's, Taiwan's and Macau's banks and systems (a counterpart's
 * statement sent through 调证). Its bytes read as GBK too, into kana, Greek and rare characters
 * (交易時間 became ユ丁…), so the two are told apart by what each reading says: common
 * characters of statements and names, simplified or traditional.
 */
const commonCharacters = new Set(
  '的一是不了人我在有他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可她里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并並内內加化由却卻代军軍产產入先山五太水万萬市体體别別处處总總才场場师師书書比住员員九性通目华華报報立马馬命张張活难難数數件安表原车車白应應路期死常提金何更反合放做系计計或司利受光王果界及今京务務制解各任至清物台记記边邊共特直服林题題建南度统統色字请請交算论論百义義科元社术術结結六功指思非流每青管夫连連远遠资資队隊跟带帶快条條院变變联聯言权權往展该該领領近留红紅治决決周保达達办辦运運武半候七必城父强強步完深区區即求品士转轉量空众眾技程告江语語英基满滿式李息写寫识識极極令黄黃德收钱錢未持取设設始版双雙历歷史商千片容像找友站广廣改议議形委早房火际際则則首单單据據导導失拿网網香石若兵校读讀飞飛观觀争爭究包组組造落视視济濟离離虽雖兴興切类類护護户戶账賬帐帳号號额額银銀款存支付收余餘贷貸借摘要备備注註易融卡陈陳刘劉杨楊赵趙吴吳徐孙孫朱胡郭罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘蒋蔣蔡杜叶葉程苏蘇魏吕呂丁沈姚卢盧姜崔钟鍾谭譚陆陸汪范贾賈夏韦韋邹鄒孟熊秦邱尹薛段雷侯龙龍陶黎贺賀顾顧郝龚龔邵严嚴港澳湾灣伟偉币幣元港币港幣澳门澳門台币臺幣',
);

/** Bytes looked at: a file's first 64 KiB, cut after its last line break. */
const sampleBytes = 1 << 16;

/** How many of the text's characters are common ones. */
function commonCount(text: string): number {
  let count = 0;
  for (const character of text) if (commonCharacters.has(character)) count += 1;
  return count;
}

/** Whether text that is not UTF-8 is Big5 rather than GB18030. */
export function looksBig5(bytes: Uint8Array): boolean {
  let sample = bytes.subarray(0, sampleBytes);
  if (bytes.length > sampleBytes) {
    const lastBreak = sample.lastIndexOf(10);
    if (lastBreak > 0) sample = sample.subarray(0, lastBreak + 1);
  }
  // GB18030's four-byte codes (a digit second) are never Big5.
  let pairs = 0;
  for (let at = 0; at < sample.length; at += 1) {
    if (sample[at]! < 0x80) continue;
    const second = sample[at + 1] ?? 0;
    if (second >= 0x30 && second <= 0x39) return false;
    pairs += 1;
    at += 1;
  }
  if (!pairs) return false;
  let big5: string;
  try {
    big5 = new TextDecoder('big5', { fatal: true }).decode(sample);
  } catch {
    return false;
  }
  return commonCount(big5) > 2 * commonCount(new TextDecoder('gb18030').decode(sample));
}
