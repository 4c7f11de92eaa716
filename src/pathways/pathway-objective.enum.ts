import { registerEnumType } from '@nestjs/graphql';

export enum PathwayObjective {
  HOURS = 'HOURS',
  COST = 'COST',
}

registerEnumType(PathwayObjective, {
  name: 'PathwayObjective',
  valuesMap: {
    HOURS: { description: 'fewest learner hours (ties: lower cost)' },
    COST: { description: 'lowest price (ties: fewer hours)' },
  },
});
