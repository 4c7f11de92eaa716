import { useState } from 'react';
import { useClient } from 'urql';
import { SEARCH_SKILLS } from '../queries';
import { ErrorMessage } from '../ui';

export interface DraftRequirement {
  key: string;
  skillId: string;
  skillName: string;
  level: number;
  weight: number;
  mandatory: boolean;
  /** from the posting: how sure the extractor is, and the words it read */
  confidence?: number;
  span?: string;
}

interface Hit {
  score: number;
  matchedText: string;
  skill: { id: string; name: string; category: string };
}

/** Adds a skill to the requirements by searching the taxonomy (typo-tolerant search). */
export function SkillSearch({ onAdd, exclude }: { onAdd: (skill: { id: string; name: string }) => void; exclude: Set<string> }) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const run = async () => {
    if (!query.trim()) return;
    const result = await client.query(SEARCH_SKILLS, { query: query.trim() }, { requestPolicy: 'network-only' }).toPromise();
    setError(result.error ?? null);
    setHits(result.data?.searchSkills ?? []);
  };
  return (
    <div className="card inner">
      <div className="row">
        <label htmlFor="skill-search">Add a skill: search the taxonomy</label>
        <input
          id="skill-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <button type="button" className="secondary" onClick={() => void run()}>
          Search skills
        </button>
      </div>
      <ErrorMessage error={error} />
      {hits && hits.length === 0 && <p className="muted">No skill found.</p>}
      {hits && hits.length > 0 && (
        <ul className="hits" aria-label="Skills found">
          {hits.map((h) => (
            <li key={h.skill.id}>
              <span>
                {h.skill.name} <span className="muted small">({h.skill.category.toLowerCase()}, match {h.score.toFixed(2)})</span>
              </span>
              <button type="button" className="secondary" disabled={exclude.has(h.skill.id)} onClick={() => onAdd(h.skill)}>
                Add<span className="sr-only"> {h.skill.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The requirements of a job: level, weight and mandatory per skill, remove, and add through search. */
export function RequirementsEditor({ value, onChange }: { value: DraftRequirement[]; onChange: (v: DraftRequirement[]) => void }) {
  const set = (i: number, patch: Partial<DraftRequirement>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend>Required skills</legend>
      {value.length === 0 && <p className="muted">No skills yet: add at least one.</p>}
      {value.length > 0 && (
        <table className="requirements">
          <thead>
            <tr>
              <th scope="col">Skill</th>
              {value.some((r) => r.confidence !== undefined) && <th scope="col">Found in the posting</th>}
              <th scope="col">Level (1–5)</th>
              <th scope="col">Weight</th>
              <th scope="col">Mandatory</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {value.map((r, i) => (
              <tr key={r.key}>
                <th scope="row">{r.skillName}</th>
                {value.some((x) => x.confidence !== undefined) && (
                  <td className="small">
                    {r.confidence !== undefined ? (
                      <>
                        <mark>{r.span}</mark> <span className="muted">confidence {r.confidence.toFixed(2)}</span>
                      </>
                    ) : (
                      <span className="muted">added by hand</span>
                    )}
                  </td>
                )}
                <td>
                  <label className="sr-only" htmlFor={`level-${r.key}`}>
                    Level of {r.skillName}
                  </label>
                  <select id={`level-${r.key}`} value={r.level} onChange={(e) => set(i, { level: Number(e.target.value) })}>
                    {[1, 2, 3, 4, 5].map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="sr-only" htmlFor={`weight-${r.key}`}>
                    Weight of {r.skillName}
                  </label>
                  <input
                    id={`weight-${r.key}`}
                    className="narrow"
                    type="number"
                    min={0.1}
                    max={1000}
                    step={0.1}
                    value={r.weight}
                    onChange={(e) => set(i, { weight: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <input id={`mandatory-${r.key}`} type="checkbox" checked={r.mandatory} onChange={(e) => set(i, { mandatory: e.target.checked })} />
                  <label className="sr-only" htmlFor={`mandatory-${r.key}`}>
                    {r.skillName} is mandatory
                  </label>
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                    Remove<span className="sr-only"> {r.skillName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SkillSearch
        exclude={new Set(value.map((r) => r.skillId))}
        onAdd={(skill) => onChange([...value, { key: `${skill.id}-${Date.now()}`, skillId: skill.id, skillName: skill.name, level: 3, weight: 1, mandatory: false }])}
      />
    </fieldset>
  );
}

export const toInput = (value: DraftRequirement[]) => value.map((r) => ({ skillId: r.skillId, level: r.level, weight: r.weight, mandatory: r.mandatory }));
