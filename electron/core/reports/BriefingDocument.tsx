/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactNode } from 'react';
import type { BriefingModel } from './briefing-model';
import { analysisTable, briefingTables, type DocumentTable } from './briefing-tables';
import { EvidenceAppendixSection } from './EvidenceAppendixSection';

/**
 * The case briefing as one React template, rendered to static HTML on the server side
 * (`react-dom/server`) for the in-app preview, printing and PDF; the DOCX follows the same
 * model section by section. No scripts, no external resources: the charts are inline SVG.
 */
export function BriefingDocument({ model }: { model: BriefingModel }) {
  const { text } = model;
  const tables = briefingTables(model);
  return (
    <html lang={model.language}>
      <head>
        <meta charSet="utf-8" />
        <title>{`${text.briefingTitle} ${model.caseNo}`}</title>
        <style>{documentCss}</style>
      </head>
      <body>
        <article className="briefing">
          {model.classification ? <div className="marking">{model.classification}</div> : null}
          <h1>{text.briefingTitle}</h1>
          <div className="masthead">
            {model.masthead.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </div>

          <Section title={text.sections.summary}>
            <table className="facts">
              <tbody>
                {model.facts.map((fact) => (
                  <tr key={fact.label}>
                    <th>{fact.label}</th>
                    <td>{fact.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {model.caseSummary ? <p className="case-summary">{model.caseSummary}</p> : null}
            <p className="summary-paragraph">{model.summaryParagraph}</p>
          </Section>

          <Section title={text.sections.figures}>
            <div className="figures">
              {model.figures.map((figure) => (
                <div className="figure" key={figure.label}>
                  <div className="figure-value">{figure.value}</div>
                  <div className="figure-label">{figure.label}</div>
                </div>
              ))}
            </div>
            <Table table={tables.legalStatuses} empty={text.none} />
            <Table table={tables.drugTotals} empty={text.none} />
          </Section>

          <Section title={text.sections.graph}>
            <figure dangerouslySetInnerHTML={{ __html: model.gangChart.svg }} />
            <p className="note">{model.gangChart.note}</p>
          </Section>

          <Section title={text.sections.chain}>
            <figure dangerouslySetInnerHTML={{ __html: model.supplyChain.svg }} />
          </Section>

          <Section title={text.sections.timeline}>
            <Table table={tables.timeline} empty={text.none} />
          </Section>

          <Section title={text.sections.suspects}>
            <Table table={tables.suspects} empty={text.none} />
          </Section>

          <Section title={text.sections.seizures}>
            <Table table={tables.seizures} empty={text.none} />
          </Section>

          <Section title={text.sections.leads}>
            {model.leads.length ? (
              <Table table={tables.leads} empty={text.none} />
            ) : (
              <p>{text.noLeads}</p>
            )}
          </Section>
          {model.analyses.length ? (
            <Section title={text.sections.analyses}>
              {model.analyses.map((item, index) => (
                <div className="analysis" key={index}>
                  <h3>{item.title}</h3>
                  {item.kind === 'table' ? (
                    <Table table={analysisTable(item.columns, item.rows)} empty={text.none} />
                  ) : (
                    <figure>
                      <img
                        alt={item.title}
                        src={`data:image/png;base64,${item.png}`}
                        width={item.width}
                        height={item.height}
                      />
                    </figure>
                  )}
                </div>
              ))}
            </Section>
          ) : null}
          <EvidenceAppendixSection appendix={model.evidence} />
          <p className="generated">{text.generated}</p>
        </article>
      </body>
    </html>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A grid; cells keep to one line except in the wrapping columns (addresses, titles, places). */
function Table({ table, empty }: { table: DocumentTable; empty: string }) {
  if (!table.rows.length) return <p className="empty">{empty}</p>;
  return (
    <table className="grid">
      <thead>
        <tr>
          {table.head.map((cell) => (
            <th key={cell}>{cell}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, column) => (
              <td key={column} className={table.wrap.includes(column) ? 'wrap' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A4 with official-document proportions; CJK fonts that exist on Windows, Linux and macOS. */
const documentCss = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #0f172a; background: #fff;
  font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', 'Noto Sans CJK SC', serif;
  font-size: 10.5pt; line-height: 1.6; }
.briefing { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
.marking { text-align: right; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-weight: bold;
  font-size: 12pt; color: #b91c1c; letter-spacing: 0.3em; }
h1 { text-align: center; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 20pt;
  color: #b91c1c; margin: 4mm 0 2mm; letter-spacing: 0.2em; }
.masthead { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 6mm;
  border-bottom: 2px solid #b91c1c; padding-bottom: 2mm; margin-bottom: 4mm; font-size: 9.5pt; }
h2 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 13pt; margin: 6mm 0 2mm; }
/* A heading stays with what it heads: 四、供应链条 had been left alone at the foot of a page, its
   diagram (which is never split) on the next. page-break-after for older print engines. */
h2, h3 { break-after: avoid; page-break-after: avoid; }
section { break-inside: auto; }
figure { margin: 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg, figure img { max-width: 100%; height: auto; border: 1px solid #e2e8f0; }
h3 { font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 11pt; margin: 4mm 0 1mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
table.grid th, table.grid td, table.facts th, table.facts td { border: 1px solid #94a3b8; padding: 1mm 2mm;
  text-align: left; vertical-align: top; font-size: 9pt; }
table.grid th, table.facts th { background: #f1f5f9; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; }
table.facts th { width: 28mm; }
table.grid td { white-space: nowrap; font-size: 8.5pt; }
table.grid td.wrap { white-space: normal; }
tr { break-inside: avoid; }
.summary-paragraph { text-indent: 2em; }
.case-summary { text-indent: 2em; white-space: pre-wrap; }
.figures { display: flex; gap: 3mm; margin: 2mm 0; }
.figure { flex: 1; border: 1px solid #cbd5e1; border-radius: 2mm; padding: 2mm; text-align: center; }
.figure-value { white-space: nowrap; font-size: 12pt; font-weight: bold; color: #b91c1c; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; }
.figure-label { font-size: 8.5pt; color: #475569; }
.note, .empty, .generated { color: #64748b; font-size: 8.5pt; }
.generated { margin-top: 6mm; text-align: right; }
`;
