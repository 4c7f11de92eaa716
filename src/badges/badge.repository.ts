import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CandidateEntity } from '../candidates/candidate.entity';
import { EarnedCredentialEntity, VerificationCheckRecord, VerificationStatusValue } from '../candidates/earned-credential.entity';
import { SkillEvidenceEntity } from '../candidates/skill-evidence.entity';
import { CredentialSkillEntity } from '../credentials/credential-skill.entity';
import { CredentialEntity, CredentialTypeValue } from '../credentials/credential.entity';
import { SkillEntity } from '../skills/skill.entity';

export interface NewImportedCredential {
  name: string;
  issuer: string;
  type: CredentialTypeValue;
  academicCredits: number | null;
  description: string | null;
  externalId: string | null;
  /** the learner whose own achievement record this is */
  ownerCandidateId: string;
}

export interface NewEarnedCredential {
  candidateId: string;
  credentialId: string;
  issuedAt: Date;
  expiresAt: Date | null;
  verification: VerificationStatusValue;
  verificationChecks: VerificationCheckRecord[];
  sourceHash: string;
  verifiedBy: string | null;
}

/** All SQL of badge import: candidates, catalogue credential matching, earned credentials and evidence. */
@Injectable()
export class BadgeRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findCandidate(id: string, manager?: EntityManager): Promise<CandidateEntity | null> {
    return this.manager(manager).findOne(CandidateEntity, { where: { id } });
  }

  findEarnedByHash(candidateId: string, sourceHash: string, manager: EntityManager): Promise<EarnedCredentialEntity | null> {
    return manager.findOne(EarnedCredentialEntity, { where: { candidateId, sourceHash } });
  }

  /** The new row, or null when the candidate already holds a credential with this source hash. */
  async insertEarnedCredential(row: NewEarnedCredential, manager: EntityManager): Promise<EarnedCredentialEntity | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO earned_credential (candidate_id, credential_id, issued_at, expires_at, verification, verification_checks, source_hash, verified_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (candidate_id, source_hash) DO NOTHING
       RETURNING id`,
      [row.candidateId, row.credentialId, row.issuedAt, row.expiresAt, row.verification, JSON.stringify(row.verificationChecks), row.sourceHash, row.verifiedBy],
    );
    if (inserted.length === 0) return null;
    return manager.findOneOrFail(EarnedCredentialEntity, { where: { id: inserted[0].id } });
  }

  /** Verification checks of earned credentials, by id (awarded catalogue credentials have []). */
  async checksOf(earnedIds: readonly string[]): Promise<{ id: string; checks: VerificationCheckRecord[] }[]> {
    if (earnedIds.length === 0) return [];
    const rows = await this.dataSource.manager.find(EarnedCredentialEntity, {
      select: { id: true, verificationChecks: true },
      where: { id: In([...earnedIds]) },
    });
    return rows.map((r) => ({ id: r.id, checks: r.verificationChecks ?? [] }));
  }

  /** Catalogue credentials (never learners' own records) of the given catalogue issuers (ignoring case and surrounding spaces). */
  findCatalogueCredentialsOfIssuers(issuers: readonly string[], manager: EntityManager): Promise<CredentialEntity[]> {
    if (issuers.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(CredentialEntity, 'c')
      .where('c.owner_candidate_id IS NULL')
      .andWhere('lower(btrim(c.issuer)) = ANY(:issuers)', { issuers: issuers.map((i) => i.trim().toLowerCase()) })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /** Inserts a learner's own achievement record for an import (hours 0, cost 0): never part of the catalogue. */
  async insertLearnerRecord(row: NewImportedCredential, manager: EntityManager): Promise<CredentialEntity> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO credential (name, issuer, type, hours, cost, academic_credits, description, external_id, owner_candidate_id)
       VALUES ($1, $2, $3, 0, 0, $4, $5, $6, $7)
       RETURNING id`,
      [row.name, row.issuer, row.type, row.academicCredits, row.description, row.externalId, row.ownerCandidateId],
    );
    return manager.findOneOrFail(CredentialEntity, { where: { id: inserted[0].id } });
  }

  async deleteLearnerRecord(credentialId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM credential WHERE id = $1 AND owner_candidate_id IS NOT NULL`, [credentialId]);
  }

  credentialSkills(credentialId: string, manager: EntityManager): Promise<CredentialSkillEntity[]> {
    return manager.find(CredentialSkillEntity, { where: { credentialId } });
  }

  async insertCredentialSkills(credentialId: string, skills: readonly { skillId: string; level: number }[], manager: EntityManager): Promise<void> {
    if (skills.length === 0) return;
    await manager.insert(
      CredentialSkillEntity,
      skills.map((s) => ({ credentialId, skillId: s.skillId, level: s.level })),
    );
  }

  /** Skills by external URI (ESCO skill URIs), as a map URI → skill id. */
  async skillIdsByUri(uris: readonly string[], manager: EntityManager): Promise<Map<string, string>> {
    if (uris.length === 0) return new Map();
    const rows = await manager.find(SkillEntity, { select: { id: true, externalUri: true }, where: { externalUri: In([...uris]) } });
    return new Map(rows.map((r) => [r.externalUri!, r.id]));
  }

  async existingSkillIds(ids: readonly string[], manager: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(SkillEntity, { select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((r) => r.id));
  }

  async insertEvidence(rows: Partial<SkillEvidenceEntity>[], manager: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    await manager.insert(SkillEvidenceEntity, rows);
  }
}
