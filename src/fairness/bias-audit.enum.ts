import { registerEnumType } from '@nestjs/graphql';

export enum BiasAuditSource {
  RANKED_NOW = 'RANKED_NOW',
  AUDIT_RECORDS = 'AUDIT_RECORDS',
}

export enum BiasSummaryFormat {
  CSV = 'CSV',
  MARKDOWN = 'MARKDOWN',
}

registerEnumType(BiasAuditSource, {
  name: 'BiasAuditSource',
  description: 'RANKED_NOW: every discoverable candidate ranked for the job now (or at asOf); AUDIT_RECORDS: the scores the tool really showed, from the ranking audit records of a period',
});
registerEnumType(BiasSummaryFormat, { name: 'BiasSummaryFormat', description: 'CSV (RFC 4180) or Markdown (tables)' });
