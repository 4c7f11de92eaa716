import { Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/loaders/group-by';
import { CatalogueType } from '../domain/ctdl/ctdl-vocabulary';
import { exportCtdl, ExportCredential } from '../domain/ctdl/ctdl-export';
import { CtdlCredentialRow, CtdlRepository } from './ctdl.repository';

/** Most credentials one export may name (their parts and prerequisites come on top). */
export const MAX_EXPORT_IDS = 10_000;

/** exportCtdl: the credentials, their parts and prerequisites (transitively) as one CTDL JSON-LD document. */
@Injectable()
export class CtdlExportService {
  constructor(private readonly repository: CtdlRepository) {}

  async export(credentialIds: readonly string[]): Promise<string> {
    if (credentialIds.length === 0) throw AppException.badInput('credentialIds', 'credentialIds: name at least one credential');
    if (credentialIds.length > MAX_EXPORT_IDS) throw AppException.badInput('credentialIds', `credentialIds: at most ${MAX_EXPORT_IDS} credentials per export`);
    credentialIds.forEach((id, i) => {
      if (!isUuid(id)) throw AppException.notFound('Credential', id, `credentialIds[${i}]`);
    });
    const requested = [...new Set(credentialIds.map((id) => id.toLowerCase()))];
    const rows = new Map<string, CtdlCredentialRow>();
    const edges = new Map<string, { prerequisiteIds: string[]; componentIds: string[] }>();
    let frontier = requested;
    while (frontier.length) {
      for (const r of await this.repository.credentialsByIds(frontier)) rows.set(r.id, r);
      const found = await this.repository.edgesOf(frontier);
      for (const id of frontier) edges.set(id, { prerequisiteIds: [], componentIds: [] });
      for (const e of found) (e.kind === 'prerequisite' ? edges.get(e.credentialId)!.prerequisiteIds : edges.get(e.credentialId)!.componentIds).push(e.otherId);
      frontier = [...new Set(found.map((e) => e.otherId))].filter((id) => !edges.has(id));
    }
    requested.forEach((id) => {
      if (!rows.has(id)) throw AppException.notFound('Credential', id, `credentialIds[${credentialIds.findIndex((x) => x.toLowerCase() === id)}]`);
    });
    const skills = new Map<string, ExportCredential['skills']>();
    for (const s of await this.repository.skillsOf([...rows.keys()])) {
      const list = skills.get(s.credentialId) ?? [];
      list.push({ uri: s.uri, name: s.name, level: s.level });
      skills.set(s.credentialId, list);
    }
    // requested first, in the given order, then the parts and prerequisites they bring in
    const order = [...requested, ...[...rows.keys()].filter((id) => !requested.includes(id))];
    const credentials: ExportCredential[] = order.map((id) => {
      const r = rows.get(id) as CtdlCredentialRow;
      const e = edges.get(id) ?? { prerequisiteIds: [], componentIds: [] };
      return { ...r, type: r.type as CatalogueType, componentIds: e.componentIds.sort(), prerequisiteIds: e.prerequisiteIds.sort(), skills: skills.get(id) ?? [] };
    });
    return JSON.stringify(exportCtdl(credentials), null, 2);
  }
}
