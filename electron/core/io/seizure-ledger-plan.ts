import { implausibility } from '../../api/domain/drug-counting';
import { headerKey } from '../../api/domain/import-templates';
import {
  contentToMicrograms,
  decimalOf,
  normaliseQuantity,
  purityToBasisPoints,
  type QuantityUnit,
  type WeightBasis,
} from '../../api/domain/quantity';
import { matchDrugName } from './drug-name-match';
import {
  cellText,
  idNumberCut,
  parseDateAndTime,
  parseLocalDateTime,
  parseSignedAmount,
  type ValueProblem,
} from './import-values';
import type { Cell, TableRow } from './table-file';

/** One line of a 缴获/扣押物品登记表, read; case and holder are found in the workspace later. */
export interface SeizureLedgerRecord {
  line: number;
  caseNo: string | null;
  drugType: string;
  quantityValue: string;
  quantityUnit: QuantityUnit;
  weightBasis: WeightBasis | null;
  /** Content per unit in mg, as the seizure form keeps it ("50" for 50 mg/片). */
  contentPerUnit: string | null;
  contentMicrograms: number | null;
  /** 持有人: a name, or an ID number (also from the ID column). */
  holder: string | null;
  holderIdNumber: string | null;
  seizedAt: string;
  place: string | null;
  evidenceNo: string | null;
  purityBasisPoints: number | null;
  /** The drug money seized (缴获毒资), in fen: what the 成绩单's 缴获毒资 adds up. */
  cashFen: number | null;
  notes: string | null;
  /** Filled in from the workspace before the import is shown or written. */
  caseId: string | null;
  fromEntityId: string | null;
}

/** Units as ledgers write them. */
const unitWords: Record<string, QuantityUnit> = {
  mg: 'mg', 毫克: 'mg',
  g: 'g', 克: 'g', 公克: 'g',
  kg: 'kg', 千克: 'kg', 公斤: 'kg',
  t: 't', 吨: 't',
  ml: 'ml', 毫升: 'ml',
  l: 'l', 升: 'l',
  片: 'tablet', tablet: 'tablet',
  粒: 'pill', 丸: 'pill', 颗: 'pill', pill: 'pill',
  支: 'ampoule', ampoule: 'ampoule',
  瓶: 'bottle', bottle: 'bottle',
  株: 'plant', 棵: 'plant', plant: 'plant',
  亩: 'mu', mu: 'mu',
}; // prettier-ignore

/** A unit as written, or undefined when it is none the ledger knows. */
function unitOf(text: string): QuantityUnit | undefined {
  return unitWords[text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')];
}

const basisWords: Record<string, WeightBasis> = {
  净重: 'net',
  净: 'net',
  net: 'net',
  毛重: 'gross',
  毛: 'gross',
  gross: 'gross',
};

/** Micrograms in one unit of each content unit, as a power of ten. */
const contentExponents: Record<string, number> = {
  μg: 0,
  ug: 0,
  微克: 0,
  mg: 3,
  毫克: 3,
  g: 6,
  克: 6,
};

/** A number cell as a decimal string without float noise (0.30000000000000004 → 0.3). */
function numberText(cell: Cell): string {
  return typeof cell === 'number' ? String(Number(cell.toPrecision(15))) : cellText(cell);
}

/** 约50克, 共计50克, 50克（净重）: the figure without the words around it. */
function figureText(cell: Cell): string {
  return numberText(cell)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:约|共计|合计|共|计|总计)/, '')
    .replace(/\((?:净重|毛重|约|计)\)$/, '');
}

/** Packets, blocks and bags counted: no unit of the law's, their weight beside them is. */
const packageUnits = /^(?:包|小包|袋|小袋|块|支|盒|瓶|个|份|坨|团)$/;

/** The unit a header names in brackets at its end (净重(g), 数量（千克）), when it is one. */
function headerUnitOf(header: string): string | null {
  const unit = /\(([^()]+)\)$/.exec(header)?.[1] ?? null;
  return unit && unitOf(unit) ? unit : null;
}

/** Units a ledger counts tablets in, beside which a weight column may give their weight. */
const countedUnits = new Set<QuantityUnit>(['tablet', 'pill']);

/**
 * A weight column's figure as a quantity in a unit of weight: its unit written in the cell or
 * the header (a bare figure under 重量 names none and is not guessed); null when it gives none,
 * or when the line's content is per tablet (10mg/片).
 */
function weightOf(text: string, headerUnit: string | null, content: string | null) {
  if (!text || (content && !/%\s*$|^\d+(?:\.\d+)?$/.test(content.trim()))) return null;
  const inline = /^([\d.,]+)([^\d.,]+)$/.exec(text);
  const [figure, unitText] = inline ? [inline[1]!, inline[2]!] : [text, headerUnit];
  const unit = unitText ? unitOf(unitText) : undefined;
  if (!unit || !massUnits.has(unit)) return null;
  const quantity = normaliseQuantity(figure, unit);
  return quantity.ok ? { text: figure, unit, quantity } : null;
}

/** "50mg/片", "0.4 g/支", "50毫克", "50" (mg) → micrograms, exactly; null when unreadable. */
function parseContent(text: string): number | null {
  const match =
    /^(\d+)(?:\.(\d+))?(μg|ug|微克|mg|毫克|g|克)?(?:[/每](?:片|粒|丸|颗|支|瓶|ml|毫升))?$/.exec(
      text.normalize('NFKC').toLowerCase().replace(/\s+/g, ''),
    );
  if (!match) return null;
  const exponent = contentExponents[match[3] ?? 'mg']!;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  const micrograms = Number(`${match[1]}${fraction.padEnd(exponent, '0')}`);
  // The seizure form's own rule (positive, at most 100 g per unit) decides the range.
  return contentToMicrograms(decimalOf(micrograms, 3)) === null ? null : micrograms;
}

interface LedgerPlanContext {
  dataRows: TableRow[];
  headers: string[];
  mapping: Record<string, number>;
  cellOf(cells: Cell[], key: string): Cell;
  optional(cells: Cell[], key: string): string | null;
  problem(
    line: number,
    cells: Cell[],
    field: string,
    kind: ValueProblem,
    suggestions?: string[],
  ): void;
}

/** Units of weight, on which a bare 含量 figure can only be a purity. */
const massUnits = new Set<QuantityUnit>(['g', 'kg', 'mg']);

/** Reads every row of a seizure ledger, naming each problem of each row. */
export function planSeizureLedger(context: LedgerPlanContext): SeizureLedgerRecord[] {
  const { dataRows, cellOf, optional, problem } = context;
  const quantityHeader = headerKey(context.headers[context.mapping['quantity'] ?? -1] ?? '');
  // A column headed 净重 or 毛重 says how its weights were taken.
  const headerBasis: WeightBasis | null = quantityHeader.includes('净重')
    ? 'net'
    : quantityHeader.includes('毛重')
      ? 'gross'
      : null;
  // A unit in the quantity's header (净重(g), 数量（千克）): the unit of rows that give none.
  const unitInHeader = headerUnitOf(quantityHeader);
  const weightHeader = headerKey(context.headers[context.mapping['weight'] ?? -1] ?? '');
  const weightUnitInHeader = headerUnitOf(weightHeader);
  // 缴获毒资(万元): the cash column's figures in 万元.
  const cashScale = /万元/.test(headerKey(context.headers[context.mapping['cash'] ?? -1] ?? ''))
    ? 10_000
    : 1;
  const records: SeizureLedgerRecord[] = [];
  const quantityColumn = context.mapping['quantity'];
  for (const { line, cells, mergedDown } of dataRows) {
    let valid = true;
    const refuse = (field: string, kind: ValueProblem, suggestions?: string[]) => {
      problem(line, cells, field, kind, suggestions);
      valid = false;
    };

    const drugText = optional(cells, 'drug');
    let drugType: string | undefined;
    if (!drugText) refuse('drug', 'required');
    else {
      const found = matchDrugName(drugText);
      if (found.ok) drugType = found.code;
      else refuse('drug', found.problem, found.suggestions);
    }

    let quantityText = figureText(cellOf(cells, 'quantity'));
    // One figure merged over several items' rows (三包合并称量) is the lot's, not each item's:
    // counted per row it had been multiplied by the rows under it.
    if (quantityColumn !== undefined && mergedDown?.includes(quantityColumn))
      refuse('quantity', 'mergedQuantity');
    const unitColumn = optional(cells, 'unit');
    let unitText = unitColumn ?? unitInHeader;
    // "50g", "1.2 千克": the unit written beside the number. Where the 单位 column says
    // another (克 filled in for every row, 1.2kg typed), the row is refused, not read as grams.
    const inline = /^([\d.,]+)([^\d.,]+)$/.exec(quantityText);
    let unitConflict = false;
    if (inline) {
      // The header's unit is a default: a unit written in the cell is the row's own.
      const column = unitColumn ? unitOf(unitColumn) : undefined;
      const written = unitOf(inline[2]!);
      unitConflict = !!column && !!written && column !== written;
      if (unitConflict) refuse('unit', 'unit');
      [quantityText, unitText] = [inline[1]!, inline[2]!];
    }
    // Tablets counted (数量 500 粒) and weighed (重量(克) 50.2) on one line: the weight is what
    // the law counts 麻古 by, so it is the quantity and the count goes to the notes, unless
    // the line gives a content per tablet (then the count is what that content is of). Packets
    // counted (3 包, 1 块, 2 袋) beside their weight are that weight too.
    const weighed = weightOf(
      figureText(cellOf(cells, 'weight')),
      weightUnitInHeader,
      optional(cells, 'content'),
    );
    const packed = !!unitText && packageUnits.test(unitText.trim()) && !!weighed;
    let quantityUnit: QuantityUnit | undefined;
    if (!unitText) refuse('unit', 'required');
    else if (!unitConflict) {
      quantityUnit = unitOf(unitText);
      if (!quantityUnit && !packed) refuse('unit', 'unit');
    }
    let quantity: ReturnType<typeof normaliseQuantity> | undefined;
    if (!quantityText) refuse('quantity', 'required');
    else if (quantityUnit) {
      quantity = normaliseQuantity(quantityText, quantityUnit);
      if (!quantity.ok) refuse('quantity', 'quantity');
    }

    let weightBasis: WeightBasis | null = headerBasis;
    let notes = optional(cells, 'notes');
    const noted = (label: string, text: string) =>
      (notes = notes ? `${label}：${text}；${notes}` : `${label}：${text}`);
    if (
      weighed &&
      ((quantity?.ok && quantityUnit && countedUnits.has(quantityUnit)) ||
        (packed && !quantityUnit && /^\d+$/.test(quantityText.replace(/,/g, ''))))
    ) {
      noted('数量', `${quantityText.replace(/,/g, '')}${unitText}`);
      [quantityText, quantityUnit, quantity] = [weighed.text, weighed.unit, weighed.quantity];
      if (weightHeader.includes('净重')) weightBasis = 'net';
      else if (weightHeader.includes('毛重')) weightBasis = 'gross';
    } else {
      // A weight not taken (no unit, beside a weight, a content per tablet) is kept as written.
      const weightText = optional(cells, 'weight');
      if (weightText) noted(context.headers[context.mapping['weight']!]!.trim(), weightText);
    }
    // Packets whose count is no figure (三包): neither read, the row is refused, not dropped.
    if (packed && !quantity?.ok) refuse('quantity', 'quantity');
    const basisText = optional(cells, 'weightBasis');
    if (basisText) {
      const basis = basisWords[basisText.toLowerCase()];
      if (basis) weightBasis = basis;
      else refuse('weightBasis', 'weightBasis');
    }

    let contentMicrograms: number | null = null;
    let contentText = optional(cells, 'content');
    let purityText = optional(cells, 'purity');
    let purityField = 'purity';
    // 含量 as ledgers write the 鉴定 purity: a percentage, or a bare figure on a weight (68.5 on
    // 356.2 克 is no content per unit). Read as the purity when no 纯度 is given.
    if (
      contentText &&
      !purityText &&
      (/%\s*$/.test(contentText) ||
        (/^\d+(?:\.\d+)?$/.test(contentText) && quantityUnit && massUnits.has(quantityUnit)))
    ) {
      [purityText, contentText, purityField] = [contentText, null, 'content'];
    }
    if (contentText) {
      contentMicrograms = parseContent(contentText);
      if (contentMicrograms === null) refuse('content', 'content');
    }

    let purityBasisPoints: number | null = null;
    if (purityText) {
      purityBasisPoints = purityToBasisPoints(purityText);
      // 0.35 without % is 35 % written as a fraction or 0.35 %: not guessed.
      if (purityBasisPoints === null || /^0?\.\d+$/.test(purityText.trim()))
        refuse(purityField, 'purity');
    }

    // 缴获日期 and 缴获时间 split, or the whole time in either column ("2026-10-04 20:15").
    const dateCell = cellOf(cells, 'date');
    const timeCell = cellOf(cells, 'seizedAt');
    const timeField = cellText(timeCell) ? 'seizedAt' : 'date';
    let seizedAt: string | undefined;
    if (!cellText(dateCell) && !cellText(timeCell)) refuse('date', 'required');
    else {
      const parsed =
        timeField === 'date' ? parseLocalDateTime(dateCell) : parseDateAndTime(dateCell, timeCell);
      if (parsed.ok) seizedAt = parsed.value;
      else refuse(timeField, 'dateTime');
    }

    if (drugType && quantity?.ok && quantityUnit) {
      const reason = implausibility({
        drugType,
        quantityNormalised: quantity.value,
        normalisedUnit: quantity.unit,
        quantityUnit,
        contentMicrograms,
      });
      if (reason) refuse('quantity', 'implausible');
    }
    for (const field of ['holder', 'holderIdNumber'] as const)
      if (idNumberCut(cellOf(cells, field))) refuse(field, 'truncated');
    // 缴获毒资 on the row: cash in yuan (or 万元), none where empty or 0.
    let cashFen: number | null = null;
    const cashText = optional(cells, 'cash');
    if (cashText && !/^[0.,\s]*$/.test(cashText)) {
      const read = parseSignedAmount(cellOf(cells, 'cash'), cashScale);
      if (read.ok && read.value > 0) cashFen = read.value;
      else refuse('cash', 'amount');
    }
    if (!valid || !drugType || !quantity?.ok || !quantityUnit || !seizedAt) continue;
    const holder = optional(cells, 'holder');
    records.push({
      line,
      caseNo: optional(cells, 'caseNo'),
      drugType,
      quantityValue: quantityText.replace(/,/g, ''),
      quantityUnit,
      weightBasis: quantity.unit === 'mg' ? weightBasis : null,
      contentPerUnit: contentMicrograms === null ? null : decimalOf(contentMicrograms, 3),
      contentMicrograms,
      holder,
      holderIdNumber: optional(cells, 'holderIdNumber'),
      seizedAt,
      place: optional(cells, 'place'),
      evidenceNo: optional(cells, 'evidenceNo'),
      purityBasisPoints,
      cashFen,
      notes,
      caseId: null,
      fromEntityId: null,
    });
  }
  return records;
}
