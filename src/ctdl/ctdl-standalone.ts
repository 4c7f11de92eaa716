import { DataSource } from 'typeorm';
import { DomainEvents } from '../common/events/domain-events.service';
import { TransactionService } from '../database/transaction.service';
import { TaxonomyRepository } from '../taxonomy/taxonomy.repository';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { CtdlImportService } from './ctdl-import.service';
import { CtdlRepository } from './ctdl.repository';

/** A CtdlImportService outside Nest (the import:ctdl CLI, the benchmark), with the taxonomy loaded for competency search. */
export async function standaloneCtdlImporter(dataSource: DataSource): Promise<CtdlImportService> {
  const events = new DomainEvents();
  const taxonomy = new TaxonomyService(new TaxonomyRepository(dataSource), events);
  await taxonomy.rebuild();
  return new CtdlImportService(new CtdlRepository(dataSource), taxonomy, new TransactionService(dataSource), events);
}
