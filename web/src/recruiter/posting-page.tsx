import { useState } from 'react';
import { useClient } from 'urql';
import { EXTRACT_SKILLS } from '../queries';
import { ErrorMessage } from '../ui';
import { JobEditor } from './job-editor';
import { DraftRequirement } from './requirements-editor';

interface Hit {
  score: number;
  matchedText: string;
  start: number | null;
  end: number | null;
  skill: { id: string; name: string };
}

/** A job from a posting: the skills found in its text come to a review step before anything is saved. */
export function PostingPage() {
  const client = useClient();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<{ title: string; description: string; requirements: DraftRequirement[] } | null>(null);
  const [error, setError] = useState<Error | string | null>(null);
  const [busy, setBusy] = useState(false);

  if (draft) {
    return (
      <>
        <JobEditor initial={draft} heading="Review the skills found in the posting" />
        <button type="button" className="secondary" onClick={() => setDraft(null)}>
          Back to the posting
        </button>
      </>
    );
  }

  const extract = async () => {
    setError(null);
    if (!title.trim() || !text.trim()) return setError('Give the job a title and paste the posting.');
    setBusy(true);
    const result = await client.query(EXTRACT_SKILLS, { text }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.error) return setError(result.error);
    const hits: Hit[] = result.data.extractSkills;
    const seen = new Set<string>();
    const requirements: DraftRequirement[] = [];
    for (const h of hits) {
      if (seen.has(h.skill.id)) continue;
      seen.add(h.skill.id);
      const span = h.start !== null && h.end !== null ? text.slice(h.start, h.end) : h.matchedText;
      requirements.push({ key: `${h.skill.id}-x`, skillId: h.skill.id, skillName: h.skill.name, level: 3, weight: 1, mandatory: false, confidence: h.score, span });
    }
    setDraft({ title: title.trim(), description: text.trim().slice(0, 20000), requirements });
  };

  return (
    <section aria-labelledby="posting-title">
      <h1 id="posting-title">Create a job from a posting</h1>
      <p className="muted">Paste a job posting: the skills it names are found in the taxonomy, and you review them (level, weight, mandatory) before the job is created.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void extract();
        }}
      >
        <label htmlFor="posting-job-title">Job title</label>
        <input id="posting-job-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="posting-text">Posting text</label>
        <textarea id="posting-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Finding skills…' : 'Find skills'}
        </button>
      </form>
    </section>
  );
}
