import type { JWK } from 'jose';

export type BadgeFormat =
  /** Open Badges 3.0 / CLR 2.0 credential, JSON-LD with embedded proof(s). */
  | 'OB3_JSONLD'
  /** Open Badges 3.0 / CLR 2.0 credential as a compact JWT (VC-JWT 1.1 `vc` claim, or VC-JOSE payload). */
  | 'OB3_JWT'
  /** Open Badges 2.0 signed assertion (compact JWS). */
  | 'OB2_JWS'
  /** Open Badges 2.0 hosted assertion: verifiable only by fetching it from the issuer; not done offline. */
  | 'OB2_HOSTED'
  /** Open Badges 2.0 assertion JSON declaring signed verification but supplied without its JWS. */
  | 'OB2_JSON';

/**
 * Two questions, answered separately (checks 'proof' and 'issuer-trust'):
 * VERIFIED   the proof is intact AND its issuer is trusted: the key is one an ADMIN registered for the issuer
 *            (trust store), or the issuer is on the ADMIN's trust list with that key (a did:key / did:jwk issuer
 *            listed by its DID, or a key listed or registered for it). The validity window does not change it
 *            (an expired credential stays VERIFIED; see `expiresAt` and the FAIL 'validity-window' check).
 * UNVERIFIED not proven false, not proven from a trusted issuer: an intact proof by an untrusted or self-made
 *            identity (any did:key / did:jwk, a key the credential carries itself), or nothing to check offline
 *            (hosted OB2, a key nobody registered, an unsupported proof suite).
 * FAILED     a proof/signature does not verify (tampered, signed by another key), the credential is malformed,
 *            JWT claims contradict the credential, the recipient identity hash does not match the candidate's
 *            email, or an enclosing CLR's proof fails: whether or not the issuer is trusted.
 * REVOKED    intact, and a status list known offline (StatusListStore) says revoked or suspended.
 */
export type BadgeStatus = 'VERIFIED' | 'UNVERIFIED' | 'FAILED' | 'REVOKED';

export type CheckOutcome = 'PASS' | 'FAIL' | 'UNKNOWN' | 'SKIPPED';

export interface VerificationCheck {
  /** e.g. 'input', 'context', 'vc-data-model', 'proof', 'jwt-signature', 'jwt-claims', 'issuer-key',
   *  'validity-window', 'credential-status', 'recipient-identity', 'clr-envelope'. A name may repeat (one per proof). */
  name: string;
  outcome: CheckOutcome;
  detail?: string;
}

export interface AchievementAlignment {
  targetUrl?: string;
  targetCode?: string;
  targetName?: string;
  targetFramework?: string;
  targetType?: string;
  targetDescription?: string;
}

export interface ExtractedAchievement {
  id?: string;
  name: string;
  description?: string;
  /** criteria.narrative, else criteria.id (a URL). */
  criteria?: string;
  /** OB3 achievementType (e.g. 'Certificate', 'BachelorDegree'); OB2: absent. */
  type?: string;
  creditsAvailable?: number;
  fieldOfStudy?: string;
  alignments: AchievementAlignment[];
}

/** One result of the subject joined with its ResultDescription and achieved RubricCriterionLevel (OB3). */
export interface ExtractedResult {
  resultDescriptionId?: string;
  name?: string;
  resultType?: string;
  value?: string;
  status?: string;
  achievedLevel?: { id?: string; name?: string; level?: string; description?: string };
  /** Names of all levels of the rubric, in document order, when the description has them. */
  levels?: string[];
}

export interface BadgeVerificationResult {
  format: BadgeFormat;
  status: BadgeStatus;
  checks: VerificationCheck[];
  /** sha256 (hex) of the canonical input: sorted-key JSON of the credential, or the compact JWS string. Stable for idempotent import. */
  credentialHash: string;
  /** The credential's own `id`, if any. */
  credentialId?: string;
  /** The credential's `name`, if any. */
  credentialName?: string;
  issuer: { id: string; name?: string };
  achievement: ExtractedAchievement;
  results?: ExtractedResult[];
  /** validFrom, else issuanceDate, else awardedDate (OB3); issuedOn (OB2). */
  issuedAt: Date | null;
  /** validUntil, else expirationDate (OB3); expires (OB2). */
  expiresAt: Date | null;
  subject: { id?: string; identityHash?: string; name?: string };
  /** When the credential came out of a CLR: the envelope. */
  container?: { type: 'CLR'; format: 'OB3_JSONLD' | 'OB3_JWT'; id?: string; issuerId?: string; credentialHash: string };
  /** The proof/signature verified (integrity), whoever made it. */
  intact: boolean;
  /** Whether the issuer is trusted for the key that verified (always false unless intact). */
  trust: { trusted: boolean; by?: string; trustedFor: string[]; detail: string };
  /** The decoded credential (JSON-LD document, JWT payload credential, or OB2 assertion), for storage/display. */
  credential: Record<string, unknown>;
}

/** A public key as the ADMIN registered it: a JWK, a multibase key ('z6Mk…'), or either with its controller. */
export type TrustedKey =
  | JWK
  | string
  | { publicKeyJwk?: JWK; publicKeyMultibase?: string; controller?: string };

/** What the ADMIN trusts about one issuer id (trust list and registered keys). */
export interface IssuerTrustEntry {
  /** On the loaded trust list (a listed did:key / did:jwk issuer is trusted for its own key). */
  listed: boolean;
  /** Public keys registered or listed for the issuer. */
  keys: JWK[];
  /** Catalogue issuers (credential.issuer) this issuer is trusted for: imports map onto their credentials. */
  trustedFor: string[];
}

/**
 * Keys for issuers that cannot be resolved offline (did:web, https issuer / key URLs).
 * `lookup` is called with a key id (JWT kid, proof verificationMethod, OB2 verification.creator) and then
 * with the issuer id. For a DID URL key id the controller is the DID itself; for an https key id the
 * controller is the entry's `controller`, else the issuer id when the entry was found under the issuer id.
 * `issuer` (optional) says what the ADMIN trusts about an issuer id; without it nothing but keys found by
 * `lookup` is trusted.
 */
export interface TrustedKeyStore {
  lookup(issuerIdOrKid: string): TrustedKey | null | undefined | Promise<TrustedKey | null | undefined>;
  issuer?(issuerId: string): IssuerTrustEntry | null | Promise<IssuerTrustEntry | null>;
}

/**
 * Status lists known offline (e.g. uploaded by an ADMIN). `lookup(url)` gets a `statusListCredential` URL
 * (BitstringStatusList / StatusList2021; the list credential as a JSON object, JSON string or JWT) or an OB2
 * issuer `revocationList` URL (the OB2 RevocationList JSON). null: not known → status UNKNOWN.
 */
export interface StatusListStore {
  lookup(url: string): unknown | Promise<unknown>;
}

export interface BadgeVerifierOptions {
  trustedKeys?: TrustedKeyStore;
  statusLists?: StatusListStore;
  now?: () => Date;
  /** Additional JSON-LD contexts by URL (e.g. the official CLR 2.0 context once vendored). */
  extraContexts?: Record<string, object>;
  /** Defaults to 1 MiB (1,048,576 bytes, UTF-8). */
  maxInputBytes?: number;
}

export interface VerifyContext {
  recipientEmail?: string | null;
}
