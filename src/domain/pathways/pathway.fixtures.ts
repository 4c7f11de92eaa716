import { PathwayCredential, PathwayProblem } from './pathway.types';

/**
 * Hand-worked catalogue used by the specs (test data only).
 *
 *   R1 w=2 c0=0.25 | R2 w=1 c0=0 | R3 w=1 c0=0.5      W = 4, start score = 1.0 / 4 = 0.25
 *
 *   A  Intro            10 h  100   R1 .5
 *   B  Advanced         20 h  300   R1 1        prerequisite A
 *   C  Data             15 h   50   R2 .6
 *   D  Viz               5 h   20   R2 .4, R3 .75
 *   S  Analytics stack   0 h    0   R3 1        free stack of C + D (all)
 *   K  Capstone          8 h    0   R2 1        capstone: 2 of A, C, D
 */
export function handCatalogue(): PathwayCredential[] {
  const c = (
    id: string,
    name: string,
    hours: number,
    cost: number,
    contributions: [string, number][],
    extra: Partial<PathwayCredential> = {},
  ): PathwayCredential => ({
    id,
    name,
    hours,
    cost,
    prerequisiteIds: [],
    componentIds: [],
    requiredComponents: null,
    contributions: contributions.map(([requirementId, coverage]) => ({ requirementId, coverage })),
    ...extra,
  });
  return [
    c('A', 'Intro', 10, 100, [['R1', 0.5]]),
    c('B', 'Advanced', 20, 300, [['R1', 1]], { prerequisiteIds: ['A'] }),
    c('C', 'Data', 15, 50, [['R2', 0.6]]),
    c('D', 'Viz', 5, 20, [
      ['R2', 0.4],
      ['R3', 0.75],
    ]),
    c('S', 'Analytics stack', 0, 0, [['R3', 1]], { componentIds: ['C', 'D'] }),
    c('K', 'Capstone', 8, 0, [['R2', 1]], { componentIds: ['A', 'C', 'D'], requiredComponents: 2 }),
  ];
}

export function handProblem(heldCredentialIds: string[] = []): PathwayProblem {
  return {
    requirements: [
      { id: 'R1', weight: 2, currentCoverage: 0.25 },
      { id: 'R2', weight: 1, currentCoverage: 0 },
      { id: 'R3', weight: 1, currentCoverage: 0.5 },
    ],
    credentials: handCatalogue(),
    heldCredentialIds,
  };
}

/** The greedy trap. R1, R2 (w 1, c0 0). X 1 h R1 .5; Y 10 h R1 1 + R2 1; Z 6 h R1 1; Q 6 h R2 1 (cost 10 per hour). */
export function trapProblem(): PathwayProblem {
  const c = (id: string, hours: number, contributions: [string, number][]): PathwayCredential => ({
    id,
    name: id,
    hours,
    cost: hours * 10,
    prerequisiteIds: [],
    componentIds: [],
    requiredComponents: null,
    contributions: contributions.map(([requirementId, coverage]) => ({ requirementId, coverage })),
  });
  return {
    requirements: [
      { id: 'R1', weight: 1, currentCoverage: 0 },
      { id: 'R2', weight: 1, currentCoverage: 0 },
    ],
    credentials: [c('X', 1, [['R1', 0.5]]), c('Y', 10, [['R1', 1], ['R2', 1]]), c('Z', 6, [['R1', 1]]), c('Q', 6, [['R2', 1]])],
    heldCredentialIds: [],
  };
}
