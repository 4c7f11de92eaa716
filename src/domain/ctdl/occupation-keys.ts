import { OccupationRef } from './ctdl-draft.types';

const SOC = /\b(\d{2}-\d{4})(\.\d{2})?\b/;
const ESCO_OCCUPATION = /^https?:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]+$/i;

/**
 * The occupation external URIs an alignment may name, best first: an ESCO occupation URI
 * (targetNode), an O*NET-SOC code (codedNotation, or in the targetNode URL such as
 * https://www.onetonline.org/link/summary/15-1252.00); a 6-digit SOC code also tries `.00`.
 */
export function occupationKeys(o: OccupationRef): string[] {
  const keys: string[] = [];
  if (o.uri && ESCO_OCCUPATION.test(o.uri)) keys.push(o.uri.replace(/^https:/i, 'http:'));
  for (const source of [o.code, o.uri]) {
    const m = source ? SOC.exec(source) : null;
    if (m) keys.push(`${m[1]}${m[2] ?? '.00'}`);
  }
  return [...new Set(keys)];
}
