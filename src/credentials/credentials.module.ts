import { Module } from '@nestjs/common';
import { SkillsModule } from '../skills/skills.module';
import { CredentialRepository } from './credential.repository';
import { CredentialResolver } from './credential.resolver';
import { CredentialService } from './credential.service';

@Module({
  imports: [SkillsModule],
  providers: [CredentialRepository, CredentialService, CredentialResolver],
  exports: [CredentialService, CredentialRepository],
})
export class CredentialsModule {}
