/**
 * The people a tool really scored over a period (pure), from its audit records: each person once
 * per job, with the last score shown to them in the period (records in seq order) and the best
 * place they were shown at in a ranking read from its top (null if never: a single match, or a
 * page continued from a cursor, whose places are not recorded). Linear in the results read.
 */
export interface ShownRanking {
  readonly seq: number;
  readonly jobId: string;
  readonly fromTop: boolean;
  readonly results: readonly { readonly candidateId: string; readonly score: number }[];
}

export interface ShownPerson {
  readonly jobId: string;
  readonly candidateId: string;
  readonly score: number;
  readonly position: number | null;
}

interface Entry {
  jobId: string;
  candidateId: string;
  score: number;
  seq: number;
  position: number | null;
}

export class ShownPeople {
  private readonly byKey = new Map<string, Entry>();
  private readonly jobs = new Set<string>();

  add(record: ShownRanking): void {
    this.jobs.add(record.jobId);
    record.results.forEach((r, i) => {
      const key = `${record.jobId}\u0000${r.candidateId}`;
      const position = record.fromTop ? i + 1 : null;
      const entry = this.byKey.get(key);
      if (!entry) {
        this.byKey.set(key, { jobId: record.jobId, candidateId: r.candidateId, score: r.score, seq: record.seq, position });
        return;
      }
      if (record.seq >= entry.seq) {
        entry.score = r.score;
        entry.seq = record.seq;
      }
      if (position !== null && (entry.position === null || position < entry.position)) entry.position = position;
    });
  }

  jobIds(): string[] {
    return [...this.jobs];
  }

  people(): ShownPerson[] {
    return [...this.byKey.values()].map(({ jobId, candidateId, score, position }) => ({ jobId, candidateId, score, position }));
  }
}
