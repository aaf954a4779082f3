// Offline checks of the add-in manifest, shared by test/addin/manifest.test.ts and `npm run release`: what
// Microsoft's manifest service would reject for any manifest of ours (required elements in schema order, https URLs),
// and, for a release, that every file the manifest names is in the folder being shipped. Each check returns a list
// of problems (empty when the manifest passes) rather than throwing, so the release can print them all.
import { XMLParser } from 'fast-xml-parser';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type Raw = Record<string, unknown>;

function toNodes(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of raw) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((item[':@'] as Raw | undefined) ?? {}))
      attrs[k.replace(/^@_/, '')] = String(v);
    const kids = (item[name] as Raw[]) ?? [];
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    out.push({ name, attrs, children: toNodes(kids), text: text.trim() });
  }
  return out;
}

/** The document's root elements (a well-formed manifest has exactly one, OfficeApp). */
export function parseXmlRoots(xml: string): XmlNode[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  return toNodes(parser.parse(xml) as Raw[]);
}

export function allNodes(n: XmlNode, pred: (k: XmlNode) => boolean, acc: XmlNode[] = []): XmlNode[] {
  if (pred(n)) acc.push(n);
  for (const k of n.children) allNodes(k, pred, acc);
  return acc;
}

/** OfficeApp's children in the order the schema's sequence demands (TaskPaneApp). */
export const MANIFEST_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
export const MANIFEST_REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'Hosts',
  'DefaultSettings',
  'Permissions',
];

export function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every URL of the manifest: DefaultValue attributes that are URLs, and AppDomain entries. */
export function manifestUrls(app: XmlNode): string[] {
  return allNodes(app, (k) => 'DefaultValue' in k.attrs && /^[a-z]+:\/\//i.test(k.attrs.DefaultValue))
    .map((k) => k.attrs.DefaultValue)
    .concat(allNodes(app, (k) => k.name === 'AppDomain').map((d) => d.text));
}

/**
 * The structural checks the manifest service makes that hold for the development and the production manifest
 * alike: one OfficeApp TaskPaneApp root with the right namespaces, the required children once each in schema order,
 * and every URL https. Returns the problems found, and the parsed root when there is one.
 */
export function manifestStructure(xml: string): { app: XmlNode | null; problems: string[] } {
  const problems: string[] = [];
  let roots: XmlNode[];
  try {
    roots = parseXmlRoots(xml);
  } catch (e) {
    return { app: null, problems: [`not well-formed XML: ${(e as Error).message}`] };
  }
  if (roots.length !== 1) return { app: null, problems: [`${roots.length} root elements, want 1`] };
  const app = roots[0];
  const want = (what: string, got: string | undefined, expected: string): void => {
    if (got !== expected)
      problems.push(`${what} is ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  };
  want('root element', app.name, 'OfficeApp');
  want('xsi:type', app.attrs['xsi:type'], 'TaskPaneApp');
  want('xmlns', app.attrs.xmlns, 'http://schemas.microsoft.com/office/appforoffice/1.1');
  want('xmlns:bt', app.attrs['xmlns:bt'], 'http://schemas.microsoft.com/office/officeappbasictypes/1.0');

  const names = app.children.map((c) => c.name);
  for (const r of MANIFEST_REQUIRED) if (!names.includes(r)) problems.push(`<${r}> is missing`);
  for (const n of names)
    if (!MANIFEST_ORDER.includes(n)) problems.push(`<${n}> is not allowed in <OfficeApp>`);
  const positions = names.map((n) => MANIFEST_ORDER.indexOf(n)).filter((p) => p >= 0);
  if (positions.some((p, i) => i > 0 && p < positions[i - 1])) {
    problems.push(`<OfficeApp>'s children are out of schema order: ${names.join(', ')}`);
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) problems.push(`<${n}> appears more than once`);
    seen.add(n);
  }
  for (const url of manifestUrls(app)) if (!isHttps(url)) problems.push(`not an https URL: ${url}`);
  const source = app.children
    .find((c) => c.name === 'DefaultSettings')
    ?.children.find((c) => c.name === 'SourceLocation')?.attrs.DefaultValue;
  if (!source || !isHttps(source)) problems.push(`DefaultSettings/SourceLocation is not https: ${source}`);
  return { app, problems };
}

/**
 * The release checks: the structure above, every URL under `base` (the public URL, ending in "/"), the
 * <Version> equal to `version` + ".0", and every file the manifest names present in the shipped folder
 * (`has(relativePath)`). Returns the problems and the relative paths named.
 */
export function releaseManifestProblems(
  xml: string,
  base: string,
  version: string,
  has: (rel: string) => boolean,
): { problems: string[]; files: string[] } {
  const { app, problems } = manifestStructure(xml);
  if (!app) return { problems, files: [] };
  const files = new Set<string>();
  const origin = new URL(base).origin;
  for (const url of manifestUrls(app)) {
    if (url === origin) continue;
    if (!url.startsWith(base)) {
      problems.push(`URL outside ${base}: ${url}`);
      continue;
    }
    files.add(decodeURI(url.slice(base.length)));
  }
  for (const d of allNodes(app, (k) => k.name === 'AppDomain')) {
    if (d.text !== origin) problems.push(`AppDomain ${d.text} is not the public origin ${origin}`);
  }
  const declared = app.children.find((c) => c.name === 'Version')?.text;
  const wanted = `${version.replace(/[-+].*$/, '')}.0`;
  if (declared !== wanted)
    problems.push(`<Version> is ${declared}, want ${wanted} (package.json ${version})`);
  for (const f of files) if (!has(f)) problems.push(`the manifest names ${f}, which is not in the release`);
  return { problems, files: [...files].sort() };
}
