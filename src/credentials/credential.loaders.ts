import { LoaderKey } from '../common/loaders/loader-key';
import { CredentialObject } from './credential.object';

export const CREDENTIAL_BY_ID = new LoaderKey<string, CredentialObject | null>('credentialById');
export const CREDENTIAL_SKILLS = new LoaderKey<string, { skillId: string; level: number }[]>('credentialSkills');
export const PREREQUISITE_IDS = new LoaderKey<string, string[]>('prerequisiteIds');
export const COMPONENT_IDS = new LoaderKey<string, string[]>('componentIds');
export const STACKS_INTO_IDS = new LoaderKey<string, string[]>('stacksIntoIds');
