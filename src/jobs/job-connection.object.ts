import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { JobObject } from './job.object';

@ObjectType('JobConnection')
export class JobConnection extends Connection(JobObject, 'Job') {}
