/**
 * Dynamic `import()` that survives TypeScript's CommonJS emit.
 *
 * With `"module": "commonjs"`, tsc rewrites `import('x')` into `require('x')`,
 * which cannot load the ESM-only @digitalbazaar packages or jose 6 inside jest
 * (jest's CommonJS runtime has no require(esm)). A function built with
 * `new Function` is not touched by tsc, so the real `import()` runs:
 *  - in plain node (CommonJS output of `tsc`), via node's ESM loader;
 *  - under jest, via jest's own ESM loader, which requires
 *    NODE_OPTIONS=--experimental-vm-modules (set in package.json scripts).
 *    Without that flag jest throws "A dynamic import callback was invoked
 *    without --experimental-vm-modules".
 */
//
// The source text is made unique per module instance: V8 caches functions compiled from identical source,
// and a cached function keeps the dynamic-import host of the context that first compiled it. Under jest every
// test file has its own context, so a shared cached function would import into another (possibly torn-down)
// test file's environment ("You are trying to `import` a file after the Jest environment has been torn down").
const uniqueTag = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2)}`;
const nativeImport = new Function('specifier', `return import(specifier); // esm-import ${uniqueTag}`) as (
  specifier: string,
) => Promise<unknown>;

export async function importEsm<T>(specifier: string): Promise<T> {
  return (await nativeImport(specifier)) as T;
}
