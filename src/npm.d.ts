// The `npm:` imports of components, typed as the installed packages they are made from
// (scripts/npm-cache.ts puts the modules where Framework looks for them).
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
