/**
 * Words that never constitute a skill mention on their own in `extractSkills` (they may still
 * appear inside a longer phrase such as "manage staff of music" or "work in teams"; only a phrase
 * made entirely of function words is rejected). Compared on the normalised, lower-case token and
 * on its singular fold.
 *
 * Three groups:
 *  1. English function words;
 *  2. vocabulary found in nearly every job posting or CV;
 *  3. generic one-word ESCO altLabels ("data", "design", "plan", "report", "lead", ...) that
 *     would otherwise fire on ordinary prose.
 */
const FUNCTION_WORD_LIST = `
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either else
etc even ever every few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just may me might more most must my
myself neither no nor not now of off on once only or other our ours ourselves out over own
per plus same shall she should so some such than that the their theirs them themselves then
there these they this those through thus to too under until up upon us very via was we well
were what when where whether which while who whom whose why will with within without would
yet you your yours yourself yourselves eg e.g ie i.e
`;

const POSTING_WORDS = `
ability abilities able apply candidate candidates company competitive excellent experience
experienced expertise familiarity familiar good great including job knowledge knowledgeable
level looking new nice plus preferred proficiency proficient project projects required
requirement requirements responsibilities responsible role salary skill skills strong team
teams understanding using work working year years
`;

const GENERIC_ESCO_WORDS = `
argument balance board brands choose clean computer conduct current data decide delight design
detect dies draw form frames guide history language lead light locks moral morals patterns
persist plan press purchase recovery report reserve rights scale schedule security shade signing
sounds space standard survey term
`;

function words(block: string): string[] {
  return block.split(/\s+/).filter((w) => w.length > 0);
}

/** English function words only: ignored when choosing fuzzy-search candidates. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(words(FUNCTION_WORD_LIST));

/**
 * Words dropped from a search query for a second, filler-free exact lookup (scored as "loose"):
 * "Communication skills" → "communication", "knowledge of Python" → "python".
 */
export const QUERY_FILLER_WORDS: ReadonlySet<string> = new Set([...words(FUNCTION_WORD_LIST), ...words(POSTING_WORDS)]);

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...words(FUNCTION_WORD_LIST),
  ...words(POSTING_WORDS),
  ...words(GENERIC_ESCO_WORDS),
]);
