import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { CandidateObject } from './candidate.object';

@ObjectType('CandidateConnection')
export class CandidateConnection extends Connection(CandidateObject, 'Candidate') {}
