import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CtdlExportService } from './ctdl-export.service';
import { CtdlImportObject } from './ctdl-import.object';
import { CtdlImportService } from './ctdl-import.service';

@Resolver()
export class CtdlResolver {
  constructor(
    private readonly importer: CtdlImportService,
    private readonly exporter: CtdlExportService,
  ) {}

  @Mutation(() => CtdlImportObject, {
    description:
      "Imports Credential Engine CTDL JSON-LD (a resource or an @graph; prefixed ceterms: terms or plain terms; the Registry's context is bundled, nothing is fetched): " +
      'credentials, courses and learning programs become catalogue credentials, a ceterms:Pathway a template pathway. The same CTID or @id updates the same record; ' +
      'one transaction; a malformed document changes nothing. ADMIN',
  })
  importCtdl(@Args('document') document: string): Promise<CtdlImportObject> {
    return this.importer.import(document);
  }

  @Query(() => String, { description: 'the credentials, their parts and prerequisites as one CTDL JSON-LD document (@context and @graph)' })
  exportCtdl(@Args('credentialIds', { type: () => [ID] }) credentialIds: string[]): Promise<string> {
    return this.exporter.export(credentialIds);
  }
}
