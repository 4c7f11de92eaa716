import highsLoader from 'highs';
import type { Highs } from 'highs';

let loading: Promise<Highs> | null = null;

/**
 * The HiGHS WebAssembly runtime, loaded once per process (loading compiles the Wasm binary
 * asynchronously; solves are synchronous afterwards). A failed load is not cached.
 */
export function loadHighsSolver(): Promise<Highs> {
  if (!loading) {
    loading = highsLoader().catch((error: unknown) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}
