import { registerEnumType } from '@nestjs/graphql';

/** What a registerIssuerKey call did. */
export enum IssuerKeyRegistration {
  /** the key id was new */
  CREATED = 'CREATED',
  /** the same key (and issuer) was already registered under the key id: nothing written */
  UNCHANGED = 'UNCHANGED',
  /** another key or issuer was registered under the key id and is replaced */
  REPLACED = 'REPLACED',
}

registerEnumType(IssuerKeyRegistration, {
  name: 'IssuerKeyRegistration',
  description: 'What registerIssuerKey did',
  valuesMap: {
    CREATED: { description: 'the key id was new' },
    UNCHANGED: { description: 'the same key and issuer were already registered under the key id: nothing written' },
    REPLACED: { description: 'another key or issuer was registered under the key id and is replaced' },
  },
});
