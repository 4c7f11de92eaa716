import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CREATE_JOB, JOB, UPDATE_JOB } from '../queries';
import { ErrorMessage, Loading, navigate } from '../ui';
import { DraftRequirement, RequirementsEditor, toInput } from './requirements-editor';

interface Props {
  jobId?: string;
  /** a draft to start from (the posting review) */
  initial?: { title: string; description: string; requirements: DraftRequirement[] };
  heading?: string;
}

/** Creates a job, or edits one: title, description and the required skills. */
export function JobEditor({ jobId, initial, heading }: Props) {
  const [{ data, fetching, error: loadError }] = useQuery({ query: JOB, variables: { id: jobId }, pause: !jobId });
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [requirements, setRequirements] = useState<DraftRequirement[]>(initial?.requirements ?? []);
  const [created, create] = useMutation(CREATE_JOB);
  const [updated, update] = useMutation(UPDATE_JOB);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const job = data?.job;
    if (!job) return;
    setTitle(job.title);
    setDescription(job.description ?? '');
    setRequirements(
      job.requirements.map((r: any) => ({ key: r.id, skillId: r.skill.id, skillName: r.skill.name, level: r.level, weight: r.weight, mandatory: r.mandatory })),
    );
  }, [data?.job]);

  if (jobId && fetching && !data) return <Loading what="the job" />;
  if (jobId && data && !data.job) return <p role="alert">No such job.</p>;

  const save = async () => {
    setProblem(null);
    if (!title.trim()) return setProblem('A job needs a title.');
    if (!requirements.length) return setProblem('A job needs at least one required skill.');
    const input = { title: title.trim(), description: description.trim() || null, requirements: toInput(requirements) };
    const result = jobId ? await update({ input: { id: jobId, ...input } }) : await create({ input });
    const id = jobId ?? result.data?.createJob?.id;
    if (!result.error && id) navigate(`/jobs/${id}`);
  };

  return (
    <section aria-labelledby="editor-title">
      <h1 id="editor-title">{heading ?? (jobId ? 'Edit job' : 'New job')}</h1>
      <ErrorMessage error={loadError} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="job-title">Title</label>
        <input id="job-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} required />
        <label htmlFor="job-description">Description</label>
        <textarea id="job-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        <RequirementsEditor value={requirements} onChange={setRequirements} />
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <ErrorMessage error={created.error ?? updated.error} />
        <div className="row">
          <button type="submit" disabled={created.fetching || updated.fetching}>
            {jobId ? 'Save changes' : 'Create job'}
          </button>
          <button type="button" className="secondary" onClick={() => navigate('/jobs')}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
