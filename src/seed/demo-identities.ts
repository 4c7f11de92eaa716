/**
 * The demo identities that `npm start` prints tokens for and the README's examples use: the
 * demo LEARNER is this candidate, and the demo ADVISOR is assigned to them and to a few more.
 */
export const DEMO_LEARNER_ID = '82e411d0-2065-57ca-abd0-2b37712efe88';
export const DEMO_ADVISOR_SUB = 'demo-advisor';
/** How many demo candidates besides the README learner the demo advisor follows. */
export const DEMO_ADVISOR_LEARNERS = 4;
