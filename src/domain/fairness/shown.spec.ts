import { ShownPeople } from './shown';

describe('ShownPeople: each person once per job, with the score last shown', () => {
  it('keeps the last score in seq order, the best place from the top, and people apart per job', () => {
    const shown = new ShownPeople();
    shown.add({ seq: 1, jobId: 'j1', fromTop: true, results: [{ candidateId: 'a', score: 0.9 }, { candidateId: 'b', score: 0.8 }] });
    // a later page from a cursor: no places; b's later score replaces the earlier one
    shown.add({ seq: 3, jobId: 'j1', fromTop: false, results: [{ candidateId: 'b', score: 0.7 }, { candidateId: 'c', score: 0.6 }] });
    // records may arrive out of seq order: the earlier one does not overwrite the score
    shown.add({ seq: 2, jobId: 'j1', fromTop: true, results: [{ candidateId: 'c', score: 0.95 }, { candidateId: 'b', score: 0.5 }] });
    shown.add({ seq: 4, jobId: 'j2', fromTop: true, results: [{ candidateId: 'a', score: 0.1 }] });
    expect(shown.people()).toEqual([
      { jobId: 'j1', candidateId: 'a', score: 0.9, position: 1 },
      { jobId: 'j1', candidateId: 'b', score: 0.7, position: 2 },
      { jobId: 'j1', candidateId: 'c', score: 0.6, position: 1 },
      { jobId: 'j2', candidateId: 'a', score: 0.1, position: 1 },
    ]);
    expect(shown.jobIds()).toEqual(['j1', 'j2']);
  });

  it('counts a single match as scored but never placed', () => {
    const shown = new ShownPeople();
    shown.add({ seq: 1, jobId: 'j1', fromTop: false, results: [{ candidateId: 'a', score: 0.4 }] });
    expect(shown.people()).toEqual([{ jobId: 'j1', candidateId: 'a', score: 0.4, position: null }]);
  });
});
