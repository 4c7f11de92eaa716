import { LoaderKey } from '../common/loaders/loader-key';
import { SkillObject } from './skill.object';

export const SKILL_BY_ID = new LoaderKey<string, SkillObject | null>('skillById');
export const BROADER_IDS_BY_SKILL = new LoaderKey<string, string[]>('broaderIdsBySkill');
export const NARROWER_IDS_BY_SKILL = new LoaderKey<string, string[]>('narrowerIdsBySkill');
export const RELATED_BY_SKILL = new LoaderKey<string, { skillId: string; weight: number }[]>('relatedBySkill');
