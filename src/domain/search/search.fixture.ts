import type { SearchableSkill } from './search.types';

/** Small taxonomy used by the search specs (ids are short on purpose, to make tie-breaks visible). */
export const FIXTURE_SKILLS: readonly SearchableSkill[] = [
  { id: 'js', name: 'JavaScript', aliases: ['Java script', 'ECMAScript', 'Server-side JavaScript'] },
  { id: 'pg', name: 'PostgreSQL', aliases: [] },
  { id: 'db', name: 'use databases', aliases: ['work with databases'] },
  { id: 'ml', name: 'machine learning', aliases: ['ML', 'statistical learning'] },
  { id: 'learn', name: 'learning', aliases: [] },
  { id: 'java', name: 'Java (computer programming)', aliases: ['Java'] },
  { id: 'node', name: 'Node.js', aliases: ['NodeJS'] },
  { id: 'cpp', name: 'C++', aliases: [] },
  { id: 'cs', name: 'C#', aliases: ['C Sharp'] },
  { id: 'net', name: '.NET', aliases: ['.NET Framework'] },
  { id: 'r', name: 'R', aliases: ['R programming'] },
  { id: 'go', name: 'Go', aliases: ['Golang'] },
  { id: 'ict', name: 'computer technology', aliases: ['ICT', 'IT'] },
  { id: 'sql', name: 'SQL', aliases: [] },
  { id: 'dbms', name: 'database management systems', aliases: ['SQL', 'DBMS'] },
  { id: 'pm', name: 'project management', aliases: ['manage projects'] },
  { id: 'gd', name: 'graphic design', aliases: ['design'] },
  { id: 'cv', name: 'résumé writing', aliases: ['CV writing'] },
  { id: 'teach', name: 'teach students', aliases: ['lecture'] },
  { id: 'talk', name: 'give talks', aliases: ['lecture'] },
  { id: 'ecom', name: 'e-commerce systems', aliases: [] },
  { id: 'team', name: 'work in teams', aliases: ['teamwork'] },
];
