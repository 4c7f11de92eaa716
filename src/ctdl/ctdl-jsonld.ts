import { importEsm } from '../badges/verification/esm-import';
import { ctdlContextDocument, CTDL_CONTEXT_URLS } from '../domain/ctdl/ctdl-context';
import { CtdlInputError } from '../domain/ctdl/ctdl-input.error';

/** Largest document importCtdl accepts (characters). */
export const MAX_CTDL_DOCUMENT_LENGTH = 50_000_000;
/** Deepest nesting of JSON objects and arrays accepted (CTDL documents nest a handful of levels). */
export const MAX_CTDL_DEPTH = 64;

/** How deeply objects and arrays nest in a parsed JSON value (iterative: any depth is measured safely). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return deepest;
}

class ContextNotBundledError extends Error {
  constructor(readonly url: string) {
    super(`context not bundled: ${url}`);
  }
}

let jsonldLoading: Promise<any> | null = null;
function loadJsonld(): Promise<any> {
  jsonldLoading ??= importEsm<any>('jsonld').then((ns) => ns.default ?? ns);
  return jsonldLoading;
}

const CONTEXTS = new Set(CTDL_CONTEXT_URLS);

/** Resolves the CTDL context URLs to the bundled context; refuses everything else (nothing is fetched). */
async function documentLoader(url: string) {
  if (CONTEXTS.has(url)) return { contextUrl: null, documentUrl: url, document: ctdlContextDocument() };
  throw new ContextNotBundledError(url);
}

/**
 * Parses a CTDL JSON-LD document and expands it with jsonld (bundled context, no network): both
 * the prefixed form (`ceterms:name`) and plain terms (`name`), one resource or an @graph, an
 * inline @context or the Registry's context URL. A document with no @context is read with the
 * bundled CTDL context. Throws CtdlInputError naming what is wrong.
 */
export async function expandCtdl(document: string): Promise<unknown[]> {
  if (document.length > MAX_CTDL_DOCUMENT_LENGTH) throw new CtdlInputError('document', `is longer than ${MAX_CTDL_DOCUMENT_LENGTH} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch (error) {
    throw new CtdlInputError('document', `is not JSON (${(error as Error).message})`);
  }
  if (jsonDepth(parsed) > MAX_CTDL_DEPTH) throw new CtdlInputError('document', `nests objects and arrays more than ${MAX_CTDL_DEPTH} levels deep`);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  if (items.length === 0 || items.some((i) => typeof i !== 'object' || i === null || Array.isArray(i))) {
    throw new CtdlInputError('document', 'is not a JSON-LD object (or a list of them)');
  }
  const jsonld = await loadJsonld();
  const withContext = items.map((i) => ('@context' in (i as object) ? i : { '@context': ctdlContextDocument()['@context'], ...(i as object) }));
  try {
    return (await jsonld.expand(withContext.length === 1 ? withContext[0] : withContext, { documentLoader, safe: false })) as unknown[];
  } catch (error) {
    const cause = findCause(error);
    if (cause instanceof ContextNotBundledError) {
      throw new CtdlInputError('@context', `names ${cause.url}, which is not bundled (only the CTDL context ${CTDL_CONTEXT_URLS[0]} is, or an inline context); nothing is fetched`);
    }
    throw new CtdlInputError('document', `is not valid JSON-LD (${(error as Error).message})`);
  }
}

function findCause(error: unknown): unknown {
  let e: any = error;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof ContextNotBundledError) return e;
    e = e.details?.cause ?? e.cause;
  }
  return error;
}
