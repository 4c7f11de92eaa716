import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { pct } from '../explain';
import { GAP, IMPORT_BADGE, JOB_CHOICES, LEARNER } from '../queries';
import { date, ErrorMessage, Loading, ScoreBar } from '../ui';
import { BadgePreview, previewBadge } from './badge-preview';
import { DecayChart } from './decay-chart';

const MONTH_MS = 30.436875 * 86400000;

function VerificationTag({ status }: { status: string }) {
  const cls = status === 'VERIFIED' ? 'ok' : status === 'UNVERIFIED' ? 'neutral' : 'warn';
  return <span className={`tag ${cls}`}>{status.toLowerCase()}</span>;
}

function Checks({ checks }: { checks: { name: string; outcome: string; detail: string | null }[] }) {
  if (!checks.length) return null;
  return (
    <details>
      <summary>Verification checks</summary>
      <ul className="small">
        {checks.map((c, i) => (
          <li key={i}>
            {c.name}: <strong>{c.outcome}</strong>
            {c.detail ? ` (${c.detail})` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Skills({ candidateId }: { candidateId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: LEARNER, variables: { id: candidateId } });
  const c = data?.candidate;
  if (error) return <ErrorMessage error={error} />;
  if (fetching && !c) return <Loading what="your record" />;
  if (!c) return <p role="alert">No such candidate.</p>;
  const now = Date.now();
  return (
    <>
      <h1 id="learner-title">{c.name}: my skills</h1>
      <p className="muted">Strength is level × confidence in the evidence × freshness; freshness halves every half-life of the skill. The small chart is the next 36 months without new evidence, relative to today (the dashed line is half).</p>
      <table>
        <caption className="sr-only">My skills</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Level</th>
            <th scope="col">Evidence</th>
            <th scope="col">Last evidenced</th>
            <th scope="col">Freshness</th>
            <th scope="col">Strength</th>
            <th scope="col">Decay</th>
          </tr>
        </thead>
        <tbody>
          {c.skillProfile.map((s: any) => {
            const fresh = Math.pow(0.5, Math.max(0, now - Date.parse(s.lastEvidencedAt)) / MONTH_MS / s.skill.halfLifeMonths);
            return (
              <tr key={s.skill.id}>
                <th scope="row">{s.skill.name}</th>
                <td>{s.level}</td>
                <td className="small">{s.source.toLowerCase().replace('_', ' ')}</td>
                <td>{date(s.lastEvidencedAt)}</td>
                <td>{pct(fresh)}</td>
                <td>{s.strength.toFixed(2)}</td>
                <td>
                  <DecayChart strength={s.strength} halfLifeMonths={s.skill.halfLifeMonths} name={s.skill.name} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>My credentials</h2>
      <table>
        <caption className="sr-only">My credentials</caption>
        <thead>
          <tr>
            <th scope="col">Credential</th>
            <th scope="col">Issuer</th>
            <th scope="col">Issued</th>
            <th scope="col">Expires</th>
            <th scope="col">Verification</th>
          </tr>
        </thead>
        <tbody>
          {c.credentials.map((e: any) => (
            <tr key={e.id}>
              <th scope="row">
                {e.credential.name}
                <Checks checks={e.verificationChecks} />
              </th>
              <td>{e.credential.issuer}</td>
              <td>{date(e.issuedAt)}</td>
              <td>{e.expiresAt ? date(e.expiresAt) : 'never'}</td>
              <td>
                <VerificationTag status={e.verification} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function JobPicker({ value, onChange, id = 'job-picker' }: { value: string; onChange: (id: string) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({ query: JOB_CHOICES, variables: { search: search.trim() || null } });
  const jobs: { id: string; title: string }[] = data?.jobs.edges.map((e: any) => e.node) ?? [];
  return (
    <div className="row">
      <label htmlFor={`${id}-search`}>Filter jobs</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      <label htmlFor={id}>Job</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">choose a job…</option>
        {jobs.map((j) => (
          <option key={j.id} value={j.id}>
            {j.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function Gap({ candidateId }: { candidateId: string }) {
  const [jobId, setJobId] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: GAP, variables: { candidateId, jobId }, pause: !jobId });
  return (
    <>
      <h1 id="learner-title">Gap for a job</h1>
      <JobPicker value={jobId} onChange={setJobId} />
      <ErrorMessage error={error} />
      {fetching && !data && <Loading what="the gap" />}
      {data && jobId && (
        <>
          <h2>
            My score: <ScoreBar value={data.skillGap.score} label="score" />
          </h2>
          {data.skillGap.gaps.length === 0 ? (
            <p>No gap: every requirement is fully covered.</p>
          ) : (
            <table>
              <caption>What is missing</caption>
              <thead>
                <tr>
                  <th scope="col">Requirement</th>
                  <th scope="col">Why</th>
                  <th scope="col">Coverage</th>
                </tr>
              </thead>
              <tbody>
                {data.skillGap.gaps.map((g: any) => (
                  <tr key={g.requirement.id}>
                    <th scope="row">
                      {g.requirement.skill.name} (level {g.requirement.level}
                      {g.requirement.mandatory ? ', mandatory' : ''})
                    </th>
                    <td>{g.reason.toLowerCase().replace('_', ' ')}</td>
                    <td>{pct(g.coverage)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Credentials that would help</h2>
          <ol className="recommendations">
            {data.recommendCredentials.map((r: any) => (
              <li key={r.credential.id} className="card">
                <strong>{r.credential.name}</strong> <span className="muted">by {r.credential.issuer}</span>
                <div>
                  Score +{r.scoreGain.toFixed(2)} → {r.projectedScore.toFixed(2)}; {r.hours} h, {r.cost.toFixed(0)} €
                </div>
                {r.raises.length > 0 && (
                  <ul className="small">
                    {r.raises.map((c: any) => (
                      <li key={c.requirement.id}>
                        raises {c.requirement.skill.name} from {pct(c.before)} to {pct(c.after)}
                      </li>
                    ))}
                  </ul>
                )}
                {r.closes.length > 0 && <div className="small">brings to full coverage: {r.closes.map((s: any) => s.name).join(', ')}</div>}
                {r.prerequisitesMissing.length > 0 && <div className="small warn-text">first needs {r.prerequisitesMissing.map((p: any) => p.name).join(', ')}</div>}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function BadgeImport({ candidateId }: { candidateId: string }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<BadgePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [state, importBadge] = useMutation(IMPORT_BADGE);
  const show = () => {
    setProblem(null);
    try {
      setPreview(previewBadge(text));
    } catch {
      setPreview(null);
      setProblem('This is neither JSON nor a JWT: paste an Open Badge (2.0 or 3.0), a CLR, or a VC-JWT.');
    }
  };
  const recorded = state.data?.importBadge;
  return (
    <>
      <h1 id="learner-title">Import a badge</h1>
      <p className="muted">Paste a digital badge. It is checked offline (signature, issuer, expiry, revocation) and recorded with what the checks found; a failed one is kept but counts nothing.</p>
      <label htmlFor="badge-file">Badge file</label>
      <input
        id="badge-file"
        type="file"
        accept=".json,.jwt,.txt,application/json"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) setText(await file.text());
        }}
      />
      <label htmlFor="badge-text">Badge (JSON or JWT)</label>
      <textarea id="badge-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button type="button" onClick={show} disabled={!text.trim()}>
          Preview
        </button>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {preview && (
        <section aria-labelledby="preview-title" className="card">
          <h2 id="preview-title">What will be recorded</h2>
          <dl className="facts">
            <dt>Format</dt>
            <dd>{preview.format}</dd>
            <dt>Badge</dt>
            <dd>{preview.name ?? 'unnamed'}</dd>
            <dt>Issuer</dt>
            <dd>{preview.issuer ?? 'unknown'}</dd>
            <dt>Issued</dt>
            <dd>{date(preview.issued)}</dd>
            <dt>Expires</dt>
            <dd>{preview.expires ? date(preview.expires) : 'never'}</dd>
            <dt>Recipient</dt>
            <dd>{preview.recipient ?? 'not named'}</dd>
            <dt>Proof</dt>
            <dd>{preview.signed}</dd>
            <dt>Skills it names</dt>
            <dd>{preview.alignments.length ? preview.alignments.join(', ') : 'none listed: mapped from its name and description'}</dd>
          </dl>
          <button type="button" onClick={() => void importBadge({ input: { candidateId, credential: text } })} disabled={state.fetching}>
            {state.fetching ? 'Verifying…' : 'Import this badge'}
          </button>
        </section>
      )}
      <ErrorMessage error={state.error} />
      {recorded && (
        <section aria-labelledby="recorded-title" className="card" role="status">
          <h2 id="recorded-title">Recorded</h2>
          <p>
            {recorded.credential.name} by {recorded.credential.issuer}: <VerificationTag status={recorded.verification} />
          </p>
          <Checks checks={recorded.verificationChecks} />
        </section>
      )}
    </>
  );
}

/** The learner's own record: skills with decay, credentials, the gap for a job and badge import. */
export function LearnerPage({ candidateId, tab }: { candidateId: string; tab: 'skills' | 'gap' | 'badge' }) {
  return (
    <section aria-labelledby="learner-title">
      {tab === 'skills' && <Skills candidateId={candidateId} />}
      {tab === 'gap' && <Gap candidateId={candidateId} />}
      {tab === 'badge' && <BadgeImport candidateId={candidateId} />}
    </section>
  );
}
