import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/loaders/group-by';
import { AccessFacts } from './authorization';

/** The authorization policy's questions to the database (one indexed lookup each). */
@Injectable()
export class AccessFactsRepository implements AccessFacts {
  constructor(private readonly dataSource: DataSource) {}

  async isDiscoverable(candidateId: string): Promise<boolean> {
    if (!isUuid(candidateId)) return false;
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM candidate WHERE id = $1 AND discoverable', [candidateId]);
    return rows.length > 0;
  }

  async isAssigned(advisorSub: string, candidateId: string): Promise<boolean> {
    if (!isUuid(candidateId)) return false;
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM advisor_assignment WHERE candidate_id = $1 AND advisor_sub = $2', [candidateId, advisorSub]);
    return rows.length > 0;
  }

  async jobCreator(jobId: string): Promise<string | null | undefined> {
    if (!isUuid(jobId)) return undefined;
    const [row]: { created_by: string | null }[] = await this.dataSource.query('SELECT created_by FROM job WHERE id = $1', [jobId]);
    return row ? row.created_by : undefined;
  }

  async templateCreator(pathwayId: string): Promise<string | null | undefined> {
    if (!isUuid(pathwayId)) return undefined;
    const [row]: { created_by: string | null }[] = await this.dataSource.query('SELECT created_by FROM pathway WHERE id = $1 AND candidate_id IS NULL', [pathwayId]);
    return row ? row.created_by : undefined;
  }

  async pathwayOwner(pathwayId: string): Promise<string | null | undefined> {
    if (!isUuid(pathwayId)) return undefined;
    const [row]: { candidate_id: string | null }[] = await this.dataSource.query('SELECT candidate_id FROM pathway WHERE id = $1', [pathwayId]);
    return row ? row.candidate_id : undefined;
  }
}
