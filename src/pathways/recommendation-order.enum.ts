import { registerEnumType } from '@nestjs/graphql';

export enum RecommendationOrder {
  GAIN = 'GAIN',
  GAIN_PER_HOUR = 'GAIN_PER_HOUR',
  GAIN_PER_COST = 'GAIN_PER_COST',
}

registerEnumType(RecommendationOrder, {
  name: 'RecommendationOrder',
  description: "Order of recommendCredentials; without orderBy: gain per hour (per cost unit when only maxCost is given)",
  valuesMap: {
    GAIN: { description: 'largest score gain first (ties: fewer hours)' },
    GAIN_PER_HOUR: { description: 'largest score gain per hour of the bundle first' },
    GAIN_PER_COST: { description: 'largest score gain per cost unit of the bundle first (stacks completed with the cheapest components)' },
  },
});
