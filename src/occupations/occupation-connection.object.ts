import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { OccupationObject } from './occupation.object';

@ObjectType('OccupationConnection')
export class OccupationConnection extends Connection(OccupationObject, 'Occupation') {}
