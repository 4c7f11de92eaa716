import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { IssuerKeyObject } from './issuer-key.object';

@ObjectType('IssuerKeyConnection')
export class IssuerKeyConnection extends Connection(IssuerKeyObject, 'IssuerKey') {}
