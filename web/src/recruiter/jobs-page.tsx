import { useState } from 'react';
import { useQuery } from 'urql';
import { JOBS } from '../queries';
import { ErrorMessage, Link, Loading } from '../ui';

interface JobNode {
  id: string;
  title: string;
  description: string | null;
  requirements: { id: string; mandatory: boolean; skill: { name: string } }[];
}

const PAGE = 10;

/** Jobs: search by title (ranked by relevance), page through, open the ranking or the editor. */
export function JobsPage() {
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({ query: JOBS, variables: { search: search || null, first: PAGE, after } });
  const jobs = data?.jobs;
  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Jobs</h1>
      <form
        role="search"
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(input.trim());
          setCursors([null]);
        }}
      >
        <label htmlFor="job-search">Search jobs by title</label>
        <input id="job-search" type="search" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit">Search</button>
        <Link to="/jobs/new" className="button secondary">
          New job
        </Link>
        <Link to="/posting" className="button secondary">
          Job from a posting
        </Link>
      </form>
      <ErrorMessage error={error} />
      {fetching && !jobs && <Loading what="jobs" />}
      {jobs && (
        <>
          <p className="muted" role="status">
            {jobs.totalCount} job{jobs.totalCount === 1 ? '' : 's'}
            {search ? ` matching “${search}”` : ''}
          </p>
          <table>
            <caption className="sr-only">Jobs</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Requirements</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {jobs.edges.map(({ node }: { node: JobNode }) => (
                <tr key={node.id}>
                  <td>
                    <strong>{node.title}</strong>
                    {node.description && <div className="muted small">{node.description.slice(0, 140)}</div>}
                  </td>
                  <td className="small">
                    {node.requirements.length} skills ({node.requirements.filter((r) => r.mandatory).length} mandatory):{' '}
                    {node.requirements
                      .slice(0, 3)
                      .map((r) => r.skill.name)
                      .join(', ')}
                    {node.requirements.length > 3 ? '…' : ''}
                  </td>
                  <td className="actions">
                    <Link to={`/jobs/${node.id}`}>
                      Rank candidates<span className="sr-only"> for {node.title}</span>
                    </Link>
                    <Link to={`/jobs/${node.id}/edit`}>
                      Edit<span className="sr-only"> {node.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button type="button" className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
            <button type="button" className="secondary" disabled={!jobs.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, jobs.pageInfo.endCursor])}>
              Next page
            </button>
          </div>
        </>
      )}
    </section>
  );
}
