import { LoaderKey } from '../common/loaders/loader-key';

export const OCCUPATION_SKILLS = new LoaderKey<string, { skillId: string; essential: boolean }[]>('occupationSkills');
