import { OrderCredential, OrderViolation } from './pathway.types';
import { findOrderViolation } from './validate-order';

const catalogue: OrderCredential[] = [
  { id: 'A', prerequisiteIds: [] },
  { id: 'B', prerequisiteIds: ['A'] },
  { id: 'C', prerequisiteIds: [] },
  { id: 'D', prerequisiteIds: [] },
  { id: 'S', prerequisiteIds: [], componentIds: ['C', 'D'], requiredComponents: null, hours: 0, cost: 0 },
  { id: 'K', prerequisiteIds: [], componentIds: ['A', 'C', 'D'], requiredComponents: 2, hours: 8, cost: 0 },
  { id: 'E', prerequisiteIds: ['S'] },
  { id: 'F', prerequisiteIds: ['K'] },
];

describe('findOrderViolation', () => {
  it.each<[string[], string[], OrderViolation | null]>([
    [['A', 'B'], [], null],
    [['B', 'A'], [], { credentialId: 'B', prerequisiteId: 'A', kind: 'AFTER' }],
    [['B'], [], { credentialId: 'B', prerequisiteId: 'A', kind: 'MISSING' }],
    [['B'], ['A'], null],
    [['C', 'D', 'E'], [], null], // the free stack S is earned by C and D
    [['C', 'E', 'D'], [], { credentialId: 'E', prerequisiteId: 'S', kind: 'MISSING' }],
    [['E'], ['C', 'D'], null], // held components complete S
    [['D', 'K'], [], { credentialId: 'K', prerequisiteId: 'A', kind: 'MISSING' }], // 1 of 2 components
    [['A', 'D', 'K'], [], null],
    [['K', 'A', 'D'], [], { credentialId: 'K', prerequisiteId: 'A', kind: 'AFTER' }],
    [['A', 'C', 'F'], [], { credentialId: 'F', prerequisiteId: 'K', kind: 'MISSING' }], // a capstone is never automatic
    [['A', 'C', 'K', 'F'], [], null],
    [['A', 'B', 'B'], [], null],
    [['unknown', 'A'], [], null],
    [[], [], null],
  ])('%j held %j', (ids, held, expected) => {
    expect(findOrderViolation(ids, catalogue, held)).toEqual(expected);
  });

  it('accepts a map', () => {
    expect(findOrderViolation(['B'], new Map(catalogue.map((c) => [c.id, c])))).toEqual({ credentialId: 'B', prerequisiteId: 'A', kind: 'MISSING' });
  });
});
