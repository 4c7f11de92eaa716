import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { CandidateMatchObject } from './candidate-match.object';

@ObjectType('CandidateMatchConnection', { description: 'Order: meetsMandatory first, then score descending, then candidate id ascending.' })
export class CandidateMatchConnection extends Connection(CandidateMatchObject, 'CandidateMatch') {}
