/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { StatsRows } from './stats-rows';

/** The one-page printable summary of unit statistics: the paragraph and the same rows as the XLSX. */
export function StatsDocument({ rows }: { rows: StatsRows }) {
  return (
    <html lang={rows.language}>
      <head>
        <meta charSet="utf-8" />
        <title>{rows.title}</title>
        <style>{css}</style>
      </head>
      <body>
        {rows.classification ? <div className="marking">{rows.classification}</div> : null}
        <h1>{rows.title}</h1>
        <p className="meta">{rows.subtitle}</p>
        <div className="masthead">
          {rows.masthead.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </div>
        <p className="paragraph">{rows.paragraph}</p>
        {rows.incomplete.map((note) => (
          <p key={note} className="incomplete">
            {note}
          </p>
        ))}
        <div className="columns">
          <table>
            <tbody>
              {rows.figures.map(([label, value, rule]) => (
                <tr key={label}>
                  <th>{label}</th>
                  <td>{value}</td>
                  <td className="rule">{rule}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <Grid head={rows.drugHead} rows={rows.drugs} />
            {rows.others.length ? (
              <>
                <p className="other-title">{rows.otherTitle}</p>
                <Grid head={rows.otherHead} rows={rows.others} />
              </>
            ) : null}
            <Grid head={rows.monthHead} rows={rows.months} />
          </div>
        </div>
      </body>
    </html>
  );
}

function Grid({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((cell) => (
            <th key={cell}>{cell}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const css = `
@page { size: A4; margin: 15mm; }
body { font-family: 'Noto Serif CJK SC', 'SimSun', serif; font-size: 10pt; color: #0f172a; margin: 0; }
h1 { text-align: center; color: #b91c1c; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; font-size: 18pt; margin: 0 0 2mm; }
.meta { text-align: center; color: #475569; margin: 0 0 2mm; }
.marking { text-align: right; color: #b91c1c; font-weight: bold; font-size: 12pt; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; }
.masthead { display: flex; justify-content: space-between; gap: 6mm; border-bottom: 2px solid #b91c1c; padding-bottom: 1mm; margin: 0 0 4mm; color: #334155; }
.paragraph { text-indent: 2em; line-height: 1.7; }
.rule { color: #64748b; font-size: 7.5pt; }
.incomplete { color: #b45309; }
.other-title { margin: 0 0 1mm; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; }
.columns { display: flex; gap: 6mm; align-items: flex-start; }
.columns > * { flex: 1; }
table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
th, td { border: 1px solid #94a3b8; padding: 1mm 2mm; text-align: left; font-size: 9pt; }
th { background: #f1f5f9; font-family: 'Noto Sans CJK SC', 'SimHei', sans-serif; }
`;
