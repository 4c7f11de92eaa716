/** Every GraphQL document the console sends. */
const REQUIREMENT = 'id level weight mandatory skill { id name halfLifeMonths }';

export const JOBS = `query Jobs($search: String, $first: Int, $after: String) {
  jobs(search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title description requirements { ${REQUIREMENT} } } }
  }
}`;

export const JOB = `query Job($id: ID!) { job(id: $id) { id title description requirements { ${REQUIREMENT} } } }`;

export const CREATE_JOB = `mutation CreateJob($input: CreateJobInput!) { createJob(input: $input) { id title } }`;
export const UPDATE_JOB = `mutation UpdateJob($input: UpdateJobInput!) { updateJob(input: $input) { id title description requirements { ${REQUIREMENT} } } }`;

export const SEARCH_SKILLS = `query SearchSkills($query: String!) { searchSkills(query: $query, first: 8) { score matchedText skill { id name category } } }`;
export const EXTRACT_SKILLS = `query ExtractSkills($text: String!) { extractSkills(text: $text) { score matchedText start end skill { id name category } } }`;

export const RANK = `query Rank($jobId: ID!, $first: Int, $after: String, $masked: Boolean) {
  rankCandidates(jobId: $jobId, first: $first, after: $after, masked: $masked) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        score
        meetsMandatory
        summary
        candidate { id name }
        requirements {
          coverage via decay strength evidencedAt
          reason
          matchedSkill { name }
          credential { name }
          requirement { id level weight mandatory skill { name } }
        }
      }
    }
  }
}`;

export const UNMASK = `mutation Unmask($handle: ID!, $reason: String) { unmaskCandidate(handle: $handle, reason: $reason) { id name } }`;

export const LEARNER = `query Learner($id: ID!) {
  candidate(id: $id) {
    id name discoverable
    skillProfile { strength level source lastEvidencedAt skill { id name halfLifeMonths category } }
    credentials { id issuedAt expiresAt verification verificationChecks { name outcome detail } credential { id name issuer type } }
  }
}`;

export const JOB_CHOICES = `query JobChoices($search: String) { jobs(search: $search, first: 50) { edges { node { id title } } } }`;

export const GAP = `query Gap($candidateId: ID!, $jobId: ID!) {
  skillGap(candidateId: $candidateId, jobId: $jobId) {
    score
    gaps { coverage shortfall reason requirement { id level weight mandatory skill { name } } }
  }
  recommendCredentials(candidateId: $candidateId, jobId: $jobId, first: 5) {
    scoreGain projectedScore hours cost
    credential { id name issuer }
    closes { name }
    prerequisitesMissing { name }
    raises { before after requirement { id level skill { id name } } }
  }
}`;

export const IMPORT_BADGE = `mutation ImportBadge($input: ImportBadgeInput!) {
  importBadge(input: $input) { id issuedAt expiresAt verification verificationChecks { name outcome detail } credential { name issuer type } }
}`;

export const MY_LEARNERS = `query MyLearners { candidates(first: 100) { totalCount edges { node { id name } } } }`;

export const PLAN = `query Plan($input: PlanPathwayInput!) {
  planPathway(input: $input) {
    startScore finalScore reachesTarget optimal totalHours totalCost mermaid
    steps { position projectedScore cumulativeHours cumulativeCost credential { id name issuer hours cost } earnsStack { name } }
  }
}`;

export const SAVE_PATHWAY = `mutation SavePathway($input: SavePathwayInput!) { savePathway(input: $input) { id name progress } }`;

export const PATHWAYS = `query Pathways($candidateId: ID!) {
  pathways(candidateId: $candidateId) { id name progress startScore projectedScore totalHours totalCost updatedAt job { title } steps { position credential { name } } }
  renewals(candidateId: $candidateId) {
    horizonMonths usefulStrength
    credentials { expiresAt credential { name } renewal { hours cost credential { name } } }
    skills { reason strengthNow strengthAtHorizon fallsBelowAt skill { name } renewal { hours cost credential { name } } }
  }
}`;
