import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.factory';
import { CredentialObject } from './credential.object';

@ObjectType('CredentialConnection')
export class CredentialConnection extends Connection(CredentialObject, 'Credential') {}
