import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { RankingAuditObject } from './ranking-audit.object';

@ObjectType('RankingAuditConnection', { description: 'Newest first' })
export class RankingAuditConnection extends Connection(RankingAuditObject, 'RankingAudit') {}
