/**
 * The CTDL terms skillstack reads and writes (Credential Transparency Description Language,
 * https://credreg.net/ctdl/terms), as full IRIs after JSON-LD expansion.
 */
export const CETERMS = 'https://purl.org/ctdl/terms/';
export const SCHEMA = 'https://schema.org/';
export const QDATA = 'https://credreg.net/qdata/terms/';
/** The context URL the Credential Registry publishes documents with (bundled, see ctdl-context.ts). */
export const CTDL_CONTEXT_URL = 'https://credreg.net/ctdl/schema/context/json';

/** Older or alternative spellings of the namespaces, rewritten to the ones above after expansion. */
export const NAMESPACE_ALIASES: readonly (readonly [string, string])[] = [
  ['http://purl.org/ctdl/terms/', CETERMS],
  ['http://schema.org/', SCHEMA],
  ['http://credreg.net/qdata/terms/', QDATA],
];

export const ct = (term: string): string => CETERMS + term;

export type CatalogueType = 'MICRO_CREDENTIAL' | 'BADGE' | 'CERTIFICATE' | 'CERTIFICATION' | 'DEGREE';

/**
 * CTDL class (local name in ceterms:) → catalogue CredentialType. Credentials, courses and
 * learning programs become catalogue credentials; other classes are not imported.
 */
export const CLASS_TO_TYPE: Readonly<Record<string, CatalogueType>> = {
  Badge: 'BADGE',
  DigitalBadge: 'BADGE',
  OpenBadge: 'BADGE',
  MicroCredential: 'MICRO_CREDENTIAL',
  Course: 'MICRO_CREDENTIAL',
  LearningOpportunityProfile: 'MICRO_CREDENTIAL',
  LearningOpportunity: 'MICRO_CREDENTIAL',
  Certificate: 'CERTIFICATE',
  AcademicCertificate: 'CERTIFICATE',
  ApprenticeshipCertificate: 'CERTIFICATE',
  CertificateOfCompletion: 'CERTIFICATE',
  CertificateOfParticipation: 'CERTIFICATE',
  JourneymanCertificate: 'CERTIFICATE',
  MasterCertificate: 'CERTIFICATE',
  ProficiencyCertificate: 'CERTIFICATE',
  LearningProgram: 'CERTIFICATE',
  Credential: 'CERTIFICATE',
  Certification: 'CERTIFICATION',
  ProfessionalCertification: 'CERTIFICATION',
  License: 'CERTIFICATION',
  QualityAssuranceCredential: 'CERTIFICATION',
  Degree: 'DEGREE',
  AssociateDegree: 'DEGREE',
  BachelorDegree: 'DEGREE',
  MasterDegree: 'DEGREE',
  DoctoralDegree: 'DEGREE',
  ProfessionalDoctorate: 'DEGREE',
  ResearchDoctorate: 'DEGREE',
  Diploma: 'DEGREE',
  SecondarySchoolDiploma: 'DEGREE',
  GeneralEducationDevelopment: 'DEGREE',
};

/** Catalogue type → the class an export writes for a credential that did not come from CTDL. */
export const TYPE_TO_CLASS: Readonly<Record<CatalogueType, string>> = {
  BADGE: 'Badge',
  MICRO_CREDENTIAL: 'MicroCredential',
  CERTIFICATE: 'Certificate',
  CERTIFICATION: 'Certification',
  DEGREE: 'Degree',
};

/** Learning-opportunity classes: their requirements are `targetLearningOpportunity`, their skills `teaches`. */
export const LEARNING_OPPORTUNITY_CLASSES: ReadonlySet<string> = new Set(['Course', 'LearningProgram', 'LearningOpportunityProfile', 'LearningOpportunity']);

export const PATHWAY_CLASS = 'Pathway';

/** Pathway component classes (ceterms:…Component). */
export const COMPONENT_CLASSES: ReadonlySet<string> = new Set([
  'BasicComponent',
  'CocurricularComponent',
  'CompetencyComponent',
  'CourseComponent',
  'CredentialComponent',
  'ExtracurricularComponent',
  'JobComponent',
  'WorkExperienceComponent',
  'SelectionComponent',
  'AssessmentComponent',
]);

/** Classes that are read where they are referenced, never imported on their own. */
export const SUPPORT_CLASSES: ReadonlySet<string> = new Set([
  'CredentialOrganization',
  'QACredentialOrganization',
  'Organization',
  'ConditionProfile',
  'ComponentCondition',
  'CostProfile',
  'DurationProfile',
  'CredentialAlignmentObject',
  'ValueProfile',
  'QuantitativeValue',
]);

/**
 * Hours recorded when a resource gives no duration a learner's effort can be derived from (and,
 * for a program, its parts give none either): by catalogue type, a typical effort. Each use adds
 * a warning.
 */
export const DEFAULT_HOURS: Readonly<Record<CatalogueType, number>> = {
  BADGE: 10,
  MICRO_CREDENTIAL: 40,
  CERTIFICATE: 120,
  CERTIFICATION: 120,
  DEGREE: 3600,
};

/** Hours of full-time study per calendar unit, for durations given in days, weeks, months or years. */
export const FULL_TIME_HOURS = { day: 8, week: 40, month: 160, year: 1600 } as const;

/** Skill level (1..5) for a competency named without a weight, and for an occupation's essential skills. */
export const COMPETENCY_LEVEL = 3;
export const OCCUPATION_SKILL_LEVEL = 2;
