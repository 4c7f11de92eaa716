import { registerEnumType } from '@nestjs/graphql';

export enum SkillCategory {
  TECHNICAL = 'TECHNICAL',
  DURABLE = 'DURABLE',
}

registerEnumType(SkillCategory, {
  name: 'SkillCategory',
  valuesMap: {
    TECHNICAL: { description: 'default half-life 30 months (technical skills: ~2.5 years)' },
    DURABLE: { description: 'default half-life 60 months (durable/transferable skills: ~5 years)' },
  },
});

/** Default half-lives by category, in months. */
export const DEFAULT_HALF_LIFE_MONTHS: Record<SkillCategory, number> = {
  [SkillCategory.TECHNICAL]: 30,
  [SkillCategory.DURABLE]: 60,
};
