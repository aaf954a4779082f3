// PageLayout (ExcelApi 1.9): a sheet's print setup — orientation, fit-to-pages zoom, rows repeated on each page.
// The stand-in keeps what was set (FakeSheet.pageLayout); nothing is printed.
import { FakeClientObject, type ScalarSpec } from './client-object';
import { FakeOfficeError } from './errors';
import type { FakePageLayoutModel, FakeSheet } from './model';
import type { FakeRequestContext } from './runtime';

const layout = (s: FakeSheet): FakePageLayoutModel => (s.pageLayout ??= {});

export class FakePageLayout extends FakeClientObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, parent: FakeClientObject<FakeSheet>) {
    super(ctx, 'PageLayout', () => parent._target(), parent, { requires: '1.9' });
  }

  protected _scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return {
      orientation: {
        get: (s) => s.pageLayout?.orientation ?? 'Portrait',
        set: (s, v, location) => {
          if (v !== 'Portrait' && v !== 'Landscape')
            throw new FakeOfficeError('InvalidArgument', location, String(v));
          layout(s).orientation = v;
        },
      },
      zoom: {
        get: (s) => s.pageLayout?.zoom ?? { scale: 100 },
        set: (s, v, location) => {
          if (typeof v !== 'object' || v === null)
            throw new FakeOfficeError('InvalidArgument', location, String(v));
          layout(s).zoom = { ...(v as FakePageLayoutModel['zoom']) };
        },
      },
    };
  }

  declare orientation: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };

  setPrintTitleRows(address: string): void {
    this._do('setPrintTitleRows', address, (s, location) => {
      if (!/^\$?\d+:\$?\d+$/.test(address)) throw new FakeOfficeError('InvalidArgument', location, address);
      layout(s).printTitleRows = address;
    });
  }
}
