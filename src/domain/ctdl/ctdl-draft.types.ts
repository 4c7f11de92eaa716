import { CatalogueType } from './ctdl-vocabulary';
import { DurationHours } from './iso-duration';

/** An occupation alignment (ceterms:occupationType): an ESCO URI, an O*NET-SOC code, a name. */
export interface OccupationRef {
  uri: string | null;
  code: string | null;
  name: string | null;
}

/** A competency (teaches, assesses, or a condition's targetCompetency): an ESCO URI and/or a name. */
export interface CompetencyRef {
  uri: string | null;
  name: string | null;
  /** 1..5, from ceterms:weight (0..1) when given, else COMPETENCY_LEVEL. */
  level: number;
}

/** A credential, course or learning program as read from the document, before references are resolved. */
export interface CredentialDraft {
  /** Where it is in the document, for messages: `@graph[2] (ceterms:Course "Intro to SQL")`. */
  path: string;
  /** The @id (null for a blank node). */
  iri: string | null;
  ctid: string | null;
  ctdlClass: string;
  type: CatalogueType;
  name: string;
  description: string | null;
  /** Name of the ownedBy / offeredBy organisation (or its IRI when the document does not describe it). */
  issuer: string | null;
  duration: DurationHours | null;
  /** The duration text that gave no hours (for the warning), when there was one. */
  unreadableDuration: string | null;
  cost: { amount: number; currency: string | null; aggregate: boolean } | null;
  academicCredits: number | null;
  validityMonths: number | null;
  /** hasPart references. */
  parts: string[];
  /** How many parts earn it, when a condition over the parts says N of M (N < M). */
  requiredParts: number | null;
  /** Credentials and learning opportunities its requirements and entry conditions name (not its parts). */
  prerequisites: string[];
  occupations: OccupationRef[];
  competencies: CompetencyRef[];
}

/** A pathway condition as a tree: N of the children (components or nested conditions). */
export type ConditionTree = { kind: 'component'; ref: string } | { kind: 'group'; name: string | null; required: number; children: ConditionTree[] };

export interface ComponentDraft {
  ref: string;
  name: string;
  /** The credential, course or program it stands for (ceterms:proxyFor). */
  proxyFor: string | null;
  children: string[];
  /** Its conditions, ANDed: null when it has none. */
  condition: ConditionTree | null;
}

export interface PathwayDraft {
  path: string;
  iri: string | null;
  ctid: string | null;
  name: string;
  description: string | null;
  destinations: string[];
  children: string[];
}

export interface CtdlDocument {
  credentials: CredentialDraft[];
  pathways: PathwayDraft[];
  components: Map<string, ComponentDraft>;
  warnings: string[];
}
