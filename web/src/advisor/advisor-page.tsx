import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { pct } from '../explain';
import { JobPicker } from '../learner/learner-page';
import { MY_LEARNERS, PATHWAYS, PLAN, SAVE_PATHWAY } from '../queries';
import { date, ErrorMessage, Loading, ScoreBar } from '../ui';
import { MermaidDiagram } from './mermaid-diagram';

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));

function SavedPathways({ candidateId }: { candidateId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: PATHWAYS, variables: { candidateId } });
  if (error) return <ErrorMessage error={error} />;
  if (fetching && !data) return <Loading what="pathways" />;
  if (!data) return null;
  return (
    <>
      <h2>Saved pathways</h2>
      {data.pathways.length === 0 && <p className="muted">None saved yet.</p>}
      <ul className="pathways">
        {data.pathways.map((p: any) => (
          <li key={p.id} className="card">
            <strong>{p.name}</strong> {p.job && <span className="muted">for {p.job.title}</span>}
            <div>
              Progress: <ScoreBar value={p.progress} label="progress" /> · score {p.startScore.toFixed(2)} → {p.projectedScore.toFixed(2)} · {p.totalHours} h, {p.totalCost.toFixed(0)} € · updated{' '}
              {date(p.updatedAt)}
            </div>
            <div className="small">{p.steps.map((s: any) => s.credential.name).join(' → ')}</div>
          </li>
        ))}
      </ul>
      <h2>Renewals in the next {data.renewals.horizonMonths} months</h2>
      {data.renewals.credentials.length === 0 && data.renewals.skills.length === 0 && <p className="muted">Nothing expires or decays out of use.</p>}
      <ul className="small">
        {data.renewals.credentials.map((c: any, i: number) => (
          <li key={`c${i}`}>
            {c.credential.name} expires {date(c.expiresAt)}
            {c.renewal ? `: renew with ${c.renewal.credential.name} (${c.renewal.hours} h)` : ''}
          </li>
        ))}
        {data.renewals.skills.map((s: any, i: number) => (
          <li key={`s${i}`}>
            {s.skill.name}: strength {s.strengthNow.toFixed(2)} → {s.strengthAtHorizon.toFixed(2)} ({s.reason.toLowerCase()}
            {s.fallsBelowAt ? `, below useful on ${date(s.fallsBelowAt)}` : ''}){s.renewal ? `; refresh with ${s.renewal.credential.name}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function Planner({ candidateId, learnerName }: { candidateId: string; learnerName: string }) {
  const client = useClient();
  const [jobId, setJobId] = useState('');
  const [minimize, setMinimize] = useState<'HOURS' | 'COST'>('HOURS');
  const [target, setTarget] = useState('0.6');
  const [maxHours, setMaxHours] = useState('');
  const [maxCost, setMaxCost] = useState('');
  const [plan, setPlan] = useState<any>(null);
  const [error, setError] = useState<any>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [saved, save] = useMutation(SAVE_PATHWAY);
  const [refresh, setRefresh] = useState(0);

  const run = async () => {
    if (!jobId) return setError('Choose a job first.');
    setBusy(true);
    setError(null);
    const input = { candidateId, jobId, minimize, targetScore: Number(target), maxHours: num(maxHours), maxCost: num(maxCost) };
    const result = await client.query(PLAN, { input }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    setError(result.error ?? null);
    setPlan(result.data?.planPathway ?? null);
  };

  return (
    <>
      <section aria-labelledby="plan-title" className="card">
        <h2 id="plan-title">Plan a pathway for {learnerName}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <JobPicker value={jobId} onChange={setJobId} id="plan-job" />
          <fieldset className="row">
            <legend>Objective: the fewest</legend>
            <input type="radio" id="min-hours" name="minimize" checked={minimize === 'HOURS'} onChange={() => setMinimize('HOURS')} />
            <label htmlFor="min-hours">hours</label>
            <input type="radio" id="min-cost" name="minimize" checked={minimize === 'COST'} onChange={() => setMinimize('COST')} />
            <label htmlFor="min-cost">euros</label>
          </fieldset>
          <div className="row">
            <label htmlFor="target">Target score (0–1)</label>
            <input id="target" className="narrow" type="number" min={0} max={1} step={0.05} value={target} onChange={(e) => setTarget(e.target.value)} />
            <label htmlFor="max-hours">Hours at most</label>
            <input id="max-hours" className="narrow" type="number" min={0} value={maxHours} onChange={(e) => setMaxHours(e.target.value)} />
            <label htmlFor="max-cost">Cost at most (€)</label>
            <input id="max-cost" className="narrow" type="number" min={0} value={maxCost} onChange={(e) => setMaxCost(e.target.value)} />
          </div>
          <button type="submit" disabled={busy}>
            {busy ? 'Planning…' : 'Plan pathway'}
          </button>
        </form>
        <ErrorMessage error={error} />
      </section>
      {plan && (
        <section aria-labelledby="result-title" className="card">
          <h2 id="result-title">The pathway</h2>
          <p role="status">
            Score {plan.startScore.toFixed(2)} → {plan.finalScore.toFixed(2)} {plan.reachesTarget ? '(reaches the target)' : '(does not reach the target within the budgets)'}; {plan.totalHours} h,{' '}
            {plan.totalCost.toFixed(0)} €{plan.optimal ? ', optimal' : ''}.
          </p>
          <ol>
            {plan.steps.map((s: any) => (
              <li key={s.position}>
                {s.credential.name} <span className="muted small">({s.credential.issuer}; score then {pct(s.projectedScore)}, {s.cumulativeHours} h so far)</span>
                {s.earnsStack.length > 0 && <span className="tag ok">completes {s.earnsStack.map((c: any) => c.name).join(', ')}</span>}
              </li>
            ))}
          </ol>
          <MermaidDiagram code={plan.mermaid} label={`Pathway diagram: ${plan.steps.map((s: any) => s.credential.name).join(', then ')}`} />
          <form
            className="row"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await save({ input: { name: name.trim() || 'Pathway', candidateId, jobId, credentialIds: plan.steps.map((s: any) => s.credential.id) } });
              if (!r.error) setRefresh(refresh + 1);
            }}
          >
            <label htmlFor="pathway-name">Pathway name</label>
            <input id="pathway-name" value={name} onChange={(e) => setName(e.target.value)} />
            <button type="submit" disabled={saved.fetching || plan.steps.length === 0}>
              Save pathway
            </button>
          </form>
          <ErrorMessage error={saved.error} />
          {saved.data && (
            <p role="status" className="ok-text">
              Saved “{saved.data.savePathway.name}”.
            </p>
          )}
        </section>
      )}
      <SavedPathways key={refresh} candidateId={candidateId} />
    </>
  );
}

/** An advisor's learners: plan, save and follow pathways, and what needs renewing. */
export function AdvisorPage() {
  const [{ data, fetching, error }] = useQuery({ query: MY_LEARNERS });
  const [learner, setLearner] = useState('');
  const learners: { id: string; name: string }[] = data?.candidates.edges.map((e: any) => e.node) ?? [];
  // the first learner is open until another is chosen
  const chosen = learners.find((l) => l.id === learner) ?? learners[0];
  return (
    <section aria-labelledby="advisor-title">
      <h1 id="advisor-title">My learners</h1>
      <ErrorMessage error={error} />
      {fetching && !data && <Loading what="your learners" />}
      {data && learners.length === 0 && <p>No learner is assigned to you yet (a learner or an ADMIN assigns one with assignAdvisor).</p>}
      {learners.length > 0 && (
        <div className="row">
          <label htmlFor="learner">Learner</label>
          <select id="learner" value={chosen?.id ?? ''} onChange={(e) => setLearner(e.target.value)}>
            {learners.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && <Planner key={chosen.id} candidateId={chosen.id} learnerName={chosen.name} />}
    </section>
  );
}
