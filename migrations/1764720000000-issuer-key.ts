import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trust store of Open Badges verification: public keys of issuers that cannot be resolved offline
 * (did:web and other DIDs, https key URLs), registered by an ADMIN (registerIssuerKey). One row per key id
 * (verification method / JWT kid); `public_key` is the public JWK only (no private members).
 */
export class IssuerKey1764720000000 implements MigrationInterface {
  name = 'IssuerKey1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issuer_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_id text NOT NULL UNIQUE CHECK (
          length(key_id) <= 2000 AND key_id !~ '\\s'
          AND (key_id ~ '^did:[a-z0-9]+:.+' OR key_id ~ '^https://.+')
          AND key_id !~ '^did:(key|jwk):'
        ),
        issuer_id text NOT NULL CHECK (
          length(issuer_id) <= 2000 AND issuer_id !~ '\\s' AND (issuer_id ~ '^did:[a-z0-9]+:.+' OR issuer_id ~ '^https://.+')
        ),
        public_key jsonb NOT NULL CHECK (
          jsonb_typeof(public_key) = 'object'
          AND public_key ->> 'kty' IN ('OKP', 'EC', 'RSA')
          AND public_key -> 'd' IS NULL AND public_key -> 'k' IS NULL
        ),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        replaced_at timestamptz,
        replaced_by text,
        CHECK (replaced_at IS NULL OR replaced_at >= created_at)
      );
      CREATE INDEX issuer_key_issuer_idx ON issuer_key (issuer_id, key_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issuer_key`);
  }
}
