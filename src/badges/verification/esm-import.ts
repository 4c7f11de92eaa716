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
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const nativeImport = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

export async function importEsm<T>(specifier: string): Promise<T> {
  return (await nativeImport(specifier)) as T;
}
