// Types for the few Observable Framework 1.13.4 internals that scripts/offline-cache.ts uses.
// Framework ships no types and no "exports" map; these modules are plain ESM in its dist/.
// Framework is pinned exactly (package.json) and offline-cache.ts checks the version at run time.

declare module "@observablehq/framework/dist/node.js" {
  /** Bundles a package from node_modules into <root>/.observablehq/cache/_node/<name>@<version>/…
   * and returns its served path, e.g. "/_node/d3@7.9.2/index.js". */
  export function resolveNodeImport(root: string, spec: string): Promise<string>;
}

declare module "@observablehq/framework/dist/npm.js" {
  /** Rewrites the specifiers of every import/export in an ES module. */
  export function rewriteNpmImports(input: string, resolve?: (specifier: string) => string | undefined): string;
}
