import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { AdvisorPage } from './advisor/advisor-page';
import { makeClient } from './client';
import { LearnerPage } from './learner/learner-page';
import { JobEditor } from './recruiter/job-editor';
import { JobsPage } from './recruiter/jobs-page';
import { PostingPage } from './recruiter/posting-page';
import { RankingPage } from './recruiter/ranking-page';
import { decodeToken, DemoToken, fetchDemoTokens, Role, Session, storedSession, storeSession } from './session';
import { Link, navigate } from './ui';

const HOME: Record<Role, string> = { ADMIN: '/jobs', RECRUITER: '/jobs', ADVISOR: '/advisor', LEARNER: '/learner' };

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash.slice(1) || '/');
  useEffect(() => {
    const on = () => setHash(window.location.hash.slice(1) || '/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function SignIn({ onSession }: { onSession: (s: Session) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="signin-title" className="card">
      <h1 id="signin-title">Sign in</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const s = decodeToken(text);
          if (!s) return setError('That is not a skillstack token (a JWT with a role and a sub).');
          onSession(s);
        }}
      >
        <label htmlFor="token">Bearer token</label>
        <textarea id="token" rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="eyJhbGciOiJIUzI1NiJ9…" />
        <p className="muted">Mint one with <code>npm run -s token -- --role RECRUITER --sub you</code>; the server checks it on every request.</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
}

function Nav({ session }: { session: Session }) {
  const items: [string, string][] =
    session.role === 'LEARNER'
      ? [['/learner', 'My skills'], ['/learner/gap', 'Gap for a job'], ['/learner/badge', 'Import a badge']]
      : session.role === 'ADVISOR'
        ? [['/advisor', 'My learners']]
        : [['/jobs', 'Jobs'], ['/jobs/new', 'New job'], ['/posting', 'Job from a posting']];
  return (
    <nav aria-label="Main">
      <ul>
        {items.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Routes({ session, hash }: { session: Session; hash: string }) {
  let m: RegExpExecArray | null;
  if (session.role === 'LEARNER') {
    if (!session.candidateId) return <p role="alert">This learner token has no candidateId.</p>;
    const tab = hash === '/learner/gap' ? 'gap' : hash === '/learner/badge' ? 'badge' : 'skills';
    return <LearnerPage candidateId={session.candidateId} tab={tab} />;
  }
  if (session.role === 'ADVISOR') return <AdvisorPage />;
  if (hash === '/jobs/new') return <JobEditor />;
  if (hash === '/posting') return <PostingPage />;
  if ((m = /^\/jobs\/([0-9a-f-]{36})\/edit$/.exec(hash))) return <JobEditor jobId={m[1]} />;
  if ((m = /^\/jobs\/([0-9a-f-]{36})$/.exec(hash))) return <RankingPage jobId={m[1]} />;
  return <JobsPage />;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => storedSession());
  const [demo, setDemo] = useState<DemoToken[]>([]);
  const [ready, setReady] = useState(false);
  const hash = useHash();
  const client = useMemo(() => makeClient(session?.token ?? null), [session?.token]);

  const use = (s: Session | null, home = true) => {
    storeSession(s);
    setSession(s);
    if (s && home) navigate(HOME[s.role]);
  };

  useEffect(() => {
    fetchDemoTokens().then((tokens) => {
      setDemo(tokens);
      // outside production the console opens as the demo recruiter on the jobs list
      if (!storedSession()) {
        const recruiter = tokens.find((t) => t.role === 'RECRUITER');
        const s = recruiter ? decodeToken(recruiter.token) : null;
        if (s) use(s, !window.location.hash || window.location.hash === '#/');
      }
      setReady(true);
    });
  }, []);

  const switchTo = (role: string) => {
    const t = demo.find((d) => d.role === role);
    const s = t ? decodeToken(t.token) : null;
    if (s) use(s);
  };

  return (
    <Provider value={client}>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="top">
        <span className="brand">skillstack</span>
        {session && <Nav session={session} />}
        <div className="who">
          {demo.length > 0 && (
            <>
              <label htmlFor="role-switcher">Demo role</label>
              <select id="role-switcher" value={session ? (demo.find((d) => d.token === session.token)?.role ?? '') : ''} onChange={(e) => switchTo(e.target.value)}>
                <option value="" disabled>
                  choose…
                </option>
                {demo.map((d) => (
                  <option key={d.role} value={d.role}>
                    {d.role.toLowerCase()} ({d.candidate ? d.candidate.name : d.sub})
                  </option>
                ))}
              </select>
            </>
          )}
          {session && (
            <>
              <span className="muted">
                {session.role} · {session.sub}
              </span>
              <button type="button" className="secondary" onClick={() => use(null)}>
                Sign out
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {!session ? ready ? <SignIn onSession={(s) => use(s)} /> : null : <Routes session={session} hash={hash} />}
      </main>
    </Provider>
  );
}
