/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EvidenceAppendix } from './evidence-appendix';

/** The briefing's appendix: each relation, then the files and lines its records came from. */
export function EvidenceAppendixSection({ appendix }: { appendix: EvidenceAppendix }) {
  return (
    <section className="evidence-appendix">
      <h2>{appendix.title}</h2>
      <p className="note">{appendix.intro}</p>
      {appendix.relations.length ? (
        <ol>
          {appendix.relations.map((entry, index) => (
            <li key={index}>
              {entry.relation}
              <ul>
                {entry.sources.map((source, line) => (
                  <li key={line}>{source}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{appendix.none}</p>
      )}
      {appendix.more ? <p className="note">{appendix.more}</p> : null}
    </section>
  );
}
