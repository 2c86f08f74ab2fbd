import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { BriefingModel } from './briefing-model';
import { analysisTable, briefingTables, type DocumentTable } from './briefing-tables';
import { evidenceLines } from './evidence-appendix';

/** A chart rasterised for Word (PNG at twice its size, shown at its own size). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

// 宋体 for body text and 黑体 for headings: on every Chinese Windows, mapped to Noto CJK by
// LibreOffice and WPS on Linux. Latin text in Times New Roman / Arial as official documents do.
const bodyFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };
const headingFont = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei' };
const red = 'B91C1C';
/** Width of the text column of an A4 page with 16 mm margins, in pixels at 96 dpi. */
const textWidthPx = 672;

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 26, font: headingFont, color: '0F172A' })],
  });
}

function body(text: string, options: { indent?: boolean; muted?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 80, line: 360 },
    indent: options.indent ? { firstLine: 420 } : undefined,
    children: [
      new TextRun({
        text,
        size: options.muted ? 17 : 21,
        color: options.muted ? '64748B' : undefined,
      }),
    ],
  });
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    shading: header ? { type: ShadingType.CLEAR, fill: 'F1F5F9', color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        children: [
          new TextRun({ text, size: 18, bold: header, font: header ? headingFont : bodyFont }),
        ],
      }),
    ],
  });
}

/** Twips across the text column of the page. */
const textWidthTwips = 10_092;

function table(data: DocumentTable, empty: string): Paragraph | Table {
  if (!data.rows.length) return body(empty, { muted: true });
  const sum = data.weights.reduce((total, weight) => total + weight, 0);
  const columnWidths = data.weights.map((weight) => Math.floor((weight / sum) * textWidthTwips));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '94A3B8' };
  return new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, children: data.head.map((text) => cell(text, true)) }),
      ...data.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text)) }),
      ),
    ],
  });
}

function image(chart: ChartImage): Paragraph {
  const scale = Math.min(1, textWidthPx / chart.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: {
          width: Math.round(chart.width * scale),
          height: Math.round(chart.height * scale),
        },
      }),
    ],
  });
}

/** The briefing as a Word document with the same sections and words as the HTML/PDF. */
export async function briefingDocx(
  model: BriefingModel,
  charts: { gang: ChartImage; chain: ChartImage },
): Promise<Uint8Array> {
  const { text } = model;
  const tables = briefingTables(model);
  const marking = model.classification
    ? [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [
            new TextRun({
              text: model.classification,
              bold: true,
              color: red,
              size: 24,
              font: headingFont,
            }),
          ],
        }),
      ]
    : [];
  const document = new Document({
    creator: model.author,
    title: `${text.briefingTitle} ${model.caseNo}`,
    styles: { default: { document: { run: { font: bodyFont, size: 21 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 1020, bottom: 1134, left: 907, right: 907 } },
        },
        headers: { default: new Header({ children: marking }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${model.caseNo}  ·  `, size: 16, color: '64748B' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '64748B' }),
                  new TextRun({ text: ' / ', size: 16, color: '64748B' }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '64748B' }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new TextRun({
                text: text.briefingTitle,
                bold: true,
                size: 40,
                color: red,
                font: headingFont,
              }),
            ],
          }),
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: red, space: 4 } },
            spacing: { after: 200 },
            children: [
              new TextRun({
                text: model.masthead.join('    '),
                size: 18,
              }),
            ],
          }),
          heading(text.sections.summary),
          ...model.facts.map((fact) => body(`${fact.label}${text.colon}${fact.value}`)),
          ...(model.caseSummary ? [body(model.caseSummary, { indent: true })] : []),
          body(model.summaryParagraph, { indent: true }),
          heading(text.sections.figures),
          body(model.figures.map((figure) => `${figure.label} ${figure.value}`).join('；')),
          table(tables.legalStatuses, text.none),
          table(tables.drugTotals, text.none),
          heading(text.sections.graph),
          image(charts.gang),
          body(model.gangChart.note, { muted: true }),
          heading(text.sections.chain),
          image(charts.chain),
          heading(text.sections.timeline),
          table(tables.timeline, text.none),
          heading(text.sections.suspects),
          table(tables.suspects, text.none),
          heading(text.sections.seizures),
          table(tables.seizures, text.none),
          heading(text.sections.leads),
          model.leads.length ? table(tables.leads, text.none) : body(text.noLeads),
          ...(model.analyses.length ? [heading(text.sections.analyses)] : []),
          ...model.analyses.flatMap((item) => [
            body(item.title),
            item.kind === 'table'
              ? table(analysisTable(item.columns, item.rows), text.none)
              : image({
                  png: Buffer.from(item.png, 'base64'),
                  width: item.width / 2,
                  height: item.height / 2,
                }),
          ]),
          heading(model.evidence.title),
          ...[model.evidence.intro, ...evidenceLines(model.evidence)].map((line) => body(line)),
          body(text.generated, { muted: true }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
