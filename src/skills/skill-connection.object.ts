import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { SkillObject } from './skill.object';

@ObjectType('SkillConnection')
export class SkillConnection extends Connection(SkillObject, 'Skill') {}
