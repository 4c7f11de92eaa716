import { registerEnumType } from '@nestjs/graphql';

export enum MatchVia {
  EXACT = 'EXACT',
  NARROWER = 'NARROWER',
  RELATED = 'RELATED',
  BROADER = 'BROADER',
  NONE = 'NONE',
}

registerEnumType(MatchVia, {
  name: 'MatchVia',
  valuesMap: {
    EXACT: { description: 'evidence of the required skill itself' },
    NARROWER: { description: 'evidence of a more specific skill below it in the taxonomy' },
    RELATED: { description: 'evidence of a related skill' },
    BROADER: { description: 'evidence of a more general skill above it' },
  },
});

export enum GapReason {
  MISSING = 'MISSING',
  DECAYED = 'DECAYED',
  BELOW_LEVEL = 'BELOW_LEVEL',
  EXPIRED = 'EXPIRED',
}

registerEnumType(GapReason, {
  name: 'GapReason',
  valuesMap: {
    MISSING: { description: 'no evidence at all' },
    DECAYED: { description: 'evidence that was enough once, but has decayed below the required level' },
    BELOW_LEVEL: { description: 'evidence below the required level even when fresh' },
    EXPIRED: { description: 'the only evidence comes from an expired credential' },
  },
});
