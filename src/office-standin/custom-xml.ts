// Custom XML parts (ExcelApi 1.5): the workbook's parts, by id or by the namespace of their root element.
// The data "persists with the file, independent of the add-in" (persisting-add-in-state-and-settings.md,
// https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings); namespaceUri is
// filled only when the root element declares xmlns. On Excel for iPad with an unsaved file, a sync that touches
// them fails with GeneralException (https://github.com/OfficeDev/office-js/issues/3936): FakeFaults.customXmlParts.
import {
  FakeClientObject,
  FakeCollection,
  type AnyFakeObject,
  type FakeClientResult,
  type ScalarSpec,
} from './client-object';
import { FakeOfficeError } from './errors';
import type { FakeWorkbookModel } from './model';
import type { FakeEnv, FakeRequestContext } from './runtime';

/** The injected iPad failure (FakeFaults.customXmlParts). */
function failIfInjected(env: FakeEnv, location: string): void {
  if (env.faults.customXmlParts) {
    throw new FakeOfficeError(
      'GeneralException',
      location,
      'custom XML parts are not available (iPad, unsaved)',
    );
  }
}

type Part = FakeWorkbookModel['customXmlParts'][number];

/** The namespace of the root element: xmlns="…" (or xmlns:p="…" for a prefixed root). */
export function rootNamespace(xml: string): string | null {
  const body = withoutDeclarations(xml).replace(/<!--[\s\S]*?-->/g, '');
  const m = /<([A-Za-z_][\w.-]*)(?::([\w.-]+))?((?:\s+[^>]*?)?)\s*(\/?)>/.exec(body);
  if (!m) return null;
  const prefix = m[2] ? m[1] : null;
  const attrs = m[3] ?? '';
  const ns = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return ns ? (ns[1] ?? ns[2]) : '';
}

/** The XML without its declaration and processing instructions (<?…?>). */
function withoutDeclarations(xml: string): string {
  return xml.replace(/<\?[\s\S]*?\?>/g, '');
}

function checkXml(xml: unknown, location: string): string {
  if (typeof xml !== 'string' || rootNamespace(xml) === null) {
    throw new FakeOfficeError('InvalidArgument', location, 'not an XML document');
  }
  const body = withoutDeclarations(xml).trim();
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(body);
  const selfClosing = /\/>\s*$/.test(body) && (body.match(/</g) ?? []).length === 1;
  if (!root || (!selfClosing && !body.endsWith(`</${root[1]}>`))) {
    throw new FakeOfficeError('InvalidArgument', location, 'the XML is not well formed');
  }
  return xml;
}

function newPartId(model: FakeWorkbookModel): string {
  let n = model.customXmlParts.length + 1;
  const id = (k: number): string =>
    `{5E1FEA15-0000-4000-8000-${k.toString(16).toUpperCase().padStart(12, '0')}}`;
  while (model.customXmlParts.some((p) => p.id === id(n))) n++;
  return id(n);
}

export class FakeCustomXmlPartCollection extends FakeCollection<FakeWorkbookModel, FakeCustomXmlPart> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject) {
    super(
      ctx,
      'CustomXmlPartCollection',
      () => {
        failIfInjected(ctx.env, 'CustomXmlPartCollection');
        return ctx.env.model;
      },
      parent,
      { requires: '1.5' },
    );
  }

  protected _keys(m: FakeWorkbookModel): string[] {
    return m.customXmlParts.map((p) => p.id);
  }

  protected _makeItem(id: string): FakeCustomXmlPart {
    return partById(this, id, false);
  }

  add(xml: string): FakeCustomXmlPart {
    const ref = { id: '' };
    this._do('add', xml, (m, location) => {
      checkXml(xml, location);
      ref.id = newPartId(m);
      m.customXmlParts.push({ id: ref.id, xml });
    });
    return new FakeCustomXmlPart(
      this.context,
      () => {
        this._target();
        const p = this._env.model.customXmlParts.find((x) => x.id === ref.id);
        if (!p) throw new FakeOfficeError('ItemNotFound', 'CustomXmlPart');
        return p;
      },
      this,
    );
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, this, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    return partById(this, id, false);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return partById(this, id, true);
  }
}

function partById(
  parent: AnyFakeObject,
  id: string,
  orNull: boolean,
  scope?: () => Part[],
): FakeCustomXmlPart {
  return new FakeCustomXmlPart(
    parent.context,
    () => {
      parent._target();
      const list = scope ? scope() : parent.context.env.model.customXmlParts;
      const p = list.find((x) => x.id === id);
      if (p || orNull) return p ?? null;
      throw new FakeOfficeError('ItemNotFound', 'CustomXmlPartCollection.getItem', `no part ${id}`);
    },
    parent,
    { orNull },
  );
}

export class FakeCustomXmlPartScopedCollection extends FakeCollection<Part[], FakeCustomXmlPart> {
  constructor(ctx: FakeRequestContext, parent: FakeCustomXmlPartCollection, namespaceUri: string) {
    super(
      ctx,
      'CustomXmlPartScopedCollection',
      () => {
        parent._target();
        return ctx.env.model.customXmlParts.filter((p) => rootNamespace(p.xml) === namespaceUri);
      },
      parent,
    );
  }

  protected _keys(parts: Part[]): string[] {
    return parts.map((p) => p.id);
  }

  protected _makeItem(id: string): FakeCustomXmlPart {
    return this.part(id, false);
  }

  getItem(id: string): FakeCustomXmlPart {
    return this.part(id, false);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this.part(id, true);
  }

  /** A part among those with the namespace. */
  private part(id: string, orNull: boolean): FakeCustomXmlPart {
    return partById(this, id, orNull, () => this._target() ?? []);
  }

  getOnlyItem(): FakeCustomXmlPart {
    return this.only(false);
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this.only(true);
  }

  private only(orNull: boolean): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const parts = this._target() ?? [];
        if (parts.length === 1) return parts[0];
        if (orNull) return null;
        throw new FakeOfficeError(
          parts.length === 0 ? 'ItemNotFound' : 'InvalidOperation',
          'CustomXmlPartScopedCollection.getOnlyItem',
          `${parts.length} parts`,
        );
      },
      this,
      { orNull },
    );
  }
}

export class FakeCustomXmlPart extends FakeClientObject<Part> {
  constructor(
    ctx: FakeRequestContext,
    locate: () => Part | null,
    parent: AnyFakeObject,
    options: { orNull?: boolean } = {},
  ) {
    super(ctx, 'CustomXmlPart', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<Part>> {
    return {
      id: { get: (p) => p.id },
      namespaceUri: { get: (p) => rootNamespace(p.xml) ?? '' },
    };
  }

  declare readonly id: string;
  declare readonly namespaceUri: string;

  getXml(): FakeClientResult<string> {
    return this._call('getXml', (p) => p.xml);
  }

  setXml(xml: string): void {
    this._do('setXml', xml, (p, location) => {
      p.xml = checkXml(xml, location);
    });
  }

  delete(): void {
    this._do('delete', null, (p) => {
      const parts = this._env.model.customXmlParts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}
