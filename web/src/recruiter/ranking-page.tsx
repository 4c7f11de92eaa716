import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { pct } from '../explain';
import { JOB, RANK, UNMASK } from '../queries';
import { ErrorMessage, Link, Loading, ScoreBar } from '../ui';

interface Match {
  score: number;
  meetsMandatory: boolean;
  summary: string;
  candidate: { id: string; name: string };
  requirements: { coverage: number; reason: string; requirement: { level: number; mandatory: boolean; weight: number; skill: { name: string } } }[];
}

const PAGE = 10;

function Unmask({ handle, onDone }: { jobId: string; handle: string; onDone: (c: { id: string; name: string }) => void }) {
  const [reason, setReason] = useState('');
  const [state, unmask] = useMutation(UNMASK);
  const field = `unmask-reason-${handle}`;
  return (
    <form
      className="row"
      onSubmit={async (e) => {
        e.preventDefault();
        // the handle is valid for this masked ranking only; the server audits the unmask
        const r = await unmask({ handle, reason: reason.trim() || null });
        if (r.data?.unmaskCandidate) onDone(r.data.unmaskCandidate);
      }}
    >
      <label htmlFor={field}>Reason for unmasking (audited)</label>
      <input id={field} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="secondary" disabled={state.fetching}>
        Unmask
      </button>
      <ErrorMessage error={state.error} />
    </form>
  );
}

/** The ranking of candidates for a job, with a reason per requirement, blind review and unmask. */
export function RankingPage({ jobId }: { jobId: string }) {
  const [masked, setMasked] = useState(false);
  const [mandatoryOnly, setMandatoryOnly] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const after = cursors[cursors.length - 1];
  const [job] = useQuery({ query: JOB, variables: { id: jobId } });
  const [{ data, fetching, error }] = useQuery({ query: RANK, variables: { jobId, first: PAGE, after, masked }, requestPolicy: 'network-only' });
  const ranking = data?.rankCandidates;
  const edges: { cursor: string; node: Match }[] = ranking?.edges ?? [];
  const shown = edges.filter((e) => !mandatoryOnly || e.node.meetsMandatory);
  const offset = (cursors.length - 1) * PAGE;

  return (
    <section aria-labelledby="ranking-title">
      <p>
        <Link to="/jobs">← All jobs</Link>
      </p>
      <h1 id="ranking-title">Ranking: {job.data?.job?.title ?? '…'}</h1>
      <ErrorMessage error={job.error} />
      <div className="row filters">
        <input
          id="masked"
          type="checkbox"
          checked={masked}
          onChange={(e) => {
            setMasked(e.target.checked);
            setCursors([null]);
            setRevealed({});
          }}
        />
        <label htmlFor="masked">Blind review (names masked)</label>
        <input id="mandatory-only" type="checkbox" checked={mandatoryOnly} onChange={(e) => setMandatoryOnly(e.target.checked)} />
        <label htmlFor="mandatory-only">Meets mandatory only</label>
      </div>
      <ErrorMessage error={error} />
      {fetching && !ranking && <Loading what="the ranking" />}
      {ranking && (
        <>
          <p className="muted" role="status">
            {ranking.totalCount} candidates ranked; showing {offset + 1}–{offset + edges.length}
            {mandatoryOnly ? `, ${shown.length} of them meet every mandatory requirement` : ''}.
          </p>
          <ol className="matches" start={offset + 1}>
            {shown.map(({ node: m }) => (
              <li key={m.candidate.id} className="card match">
                <div className="match-head">
                  <h2>{revealed[m.candidate.id] ?? m.candidate.name}</h2>
                  <ScoreBar value={m.score} label="score" />
                  <span className={m.meetsMandatory ? 'tag ok' : 'tag warn'}>{m.meetsMandatory ? 'meets mandatory' : 'misses a mandatory skill'}</span>
                </div>
                <p className="summary">{m.summary}</p>
                <details>
                  <summary>Reasons per requirement</summary>
                  <ul className="reasons">
                    {m.requirements.map((r, i) => (
                      <li key={i}>
                        <span className="muted small">
                          {r.requirement.skill.name} (level {r.requirement.level}
                          {r.requirement.mandatory ? ', mandatory' : ''}, weight {r.requirement.weight}): coverage {pct(r.coverage)}
                        </span>
                        <br />
                        {r.reason}
                      </li>
                    ))}
                  </ul>
                </details>
                {masked && !revealed[m.candidate.id] && (
                  <Unmask jobId={jobId} handle={m.candidate.id} onDone={(c) => setRevealed({ ...revealed, [m.candidate.id]: c.name })} />
                )}
              </li>
            ))}
          </ol>
          <div className="row">
            <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
            <button type="button" className="secondary" disabled={!ranking.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, ranking.pageInfo.endCursor])}>
              Next page
            </button>
          </div>
        </>
      )}
    </section>
  );
}
