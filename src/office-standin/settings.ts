// Office.context.document.settings of the stand-in: the add-in's name/value pairs, saved with the workbook.
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

  constructor(model: FakeWorkbookModel) {
    this.model = model;
    this.cache = { ...model.settings };
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
      this.model.settings = saved;
      cb?.({ status: 'succeeded', value: undefined, error: null });
    });
  }

  refreshAsync(callback?: AsyncCallback<FakeSettings>): void {
    void Promise.resolve().then(() => {
      this.cache = { ...this.model.settings };
      callback?.({ status: 'succeeded', value: this, error: null });
    });
  }
}
