// Stand-in for office-addin-manifest under jest: its validate() calls Microsoft's online service and its
// dependencies are ESM-only. Our manifest is checked by test/addin/manifest.test.ts instead.
export function validateManifest(): never {
  throw new Error('office-addin-manifest is not available under jest; see test/addin/manifest.test.ts');
}
