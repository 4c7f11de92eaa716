import { Module } from '@nestjs/common';
import { SkillRepository } from './skill.repository';
import { SkillResolver } from './skill.resolver';
import { SkillService } from './skill.service';

@Module({ providers: [SkillRepository, SkillService, SkillResolver], exports: [SkillService, SkillRepository] })
export class SkillsModule {}
