import { Global, Module } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events.service';
import { LoaderRegistry } from './loader-registry.service';

@Global()
@Module({ providers: [LoaderRegistry, DomainEvents], exports: [LoaderRegistry, DomainEvents] })
export class LoadersModule {}
