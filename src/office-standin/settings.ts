// Office.context.document.settings of the stand-in: the add-in's name/value pairs, saved with the workbook.
// Office.Settings (https://learn.microsoft.com/javascript/api/office/office.settings) and
// persisting-add-in-state-and-settings.md: `get` gives null for a missing name; `set` and `remove` change an
// in-memory copy until `saveAsync`; settings are "saved per add-in and per document"; saveAsync persists "into the
// document file", which the user still has to save.
import type { FakeFaults } from './behaviours';
import type { FakeWorkbookModel } from './model';

export interface AsyncResultLike<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error: { code: number; name: string; message: string } | null;
  asyncContext?: unknown;
}

type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

/** Office.context.document.settings: an in-memory copy of the saved settings; saveAsync writes it to the model
 *  (the workbook), so only saved settings survive a reopen. */
export class FakeSettings {
  private cache: Record<string, unknown>;
  private readonly model: FakeWorkbookModel;
  private readonly addinId: string | undefined;
  private readonly fault: FakeFaults['settingsSave'];

  constructor(
    model: FakeWorkbookModel,
    options: { addinId?: string; fault?: FakeFaults['settingsSave'] } = {},
  ) {
    this.model = model;
    this.addinId = options.addinId;
    this.fault = options.fault;
    this.cache = { ...this.stored() };
  }

  /** The saved settings of this add-in in the workbook. */
  private stored(): Record<string, string> {
    if (this.addinId === undefined) return this.model.settings;
    return this.model.addinSettings?.[this.addinId] ?? {};
  }

  private store(saved: Record<string, string>): void {
    if (this.addinId === undefined) this.model.settings = saved;
    else (this.model.addinSettings ??= {})[this.addinId] = saved;
  }

  get(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.cache, name) ? this.cache[name] : null;
  }

  set(name: string, value: unknown): void {
    this.cache[name] = value;
  }

  remove(name: string): void {
    delete this.cache[name];
  }

  saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback<void>): void {
    const cb =
      typeof optionsOrCallback === 'function' ? (optionsOrCallback as AsyncCallback<void>) : callback;
    const saved: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.cache)) saved[k] = typeof v === 'string' ? v : JSON.stringify(v);
    void Promise.resolve().then(() => {
      if (this.fault !== 'fails') this.store(saved);
      if (this.fault) {
        // Failure is reported through the callback's AsyncResult (status 'failed'); office-js#761 saw it reported
        // although the settings were saved (https://github.com/OfficeDev/office-js/issues/761).
        const error = { code: 5001, name: 'Internal Error', message: 'An internal error has occurred.' };
        cb?.({ status: 'failed', value: undefined, error });
      } else cb?.({ status: 'succeeded', value: undefined, error: null });
    });
  }

  refreshAsync(callback?: AsyncCallback<FakeSettings>): void {
    void Promise.resolve().then(() => {
      this.cache = { ...this.stored() };
      callback?.({ status: 'succeeded', value: this, error: null });
    });
  }
}
