import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { CtdlExportService } from './ctdl-export.service';
import { CtdlImportService } from './ctdl-import.service';
import { CtdlRepository } from './ctdl.repository';
import { CtdlResolver } from './ctdl.resolver';

/** Credential Engine interoperability: importCtdl / exportCtdl over the pure mapping in src/domain/ctdl. */
@Module({
  imports: [TaxonomyModule],
  providers: [CtdlRepository, CtdlImportService, CtdlExportService, CtdlResolver],
  exports: [CtdlImportService],
})
export class CtdlModule {}
