// What every operation of the Office host runs with: the Excel and Office namespaces (injected, else the
// globals of Office.js), the payload budget, requirement-set gating and the document settings.
import type { ExplanationMode } from '../../app/host';
import { explanationMode } from './capabilities';
import type { ExcelGlobal, OfficeGlobal, OfficeHostOptions } from './types';

export class OfficeEnv {
  private readonly opts: OfficeHostOptions;

  constructor(opts: OfficeHostOptions = {}) {
    this.opts = opts;
  }

  get excel(): ExcelGlobal {
    const e = this.opts.excel ?? (globalThis as { Excel?: ExcelGlobal }).Excel;
    if (!e) throw new Error('Office.js 未加载 / Office.js is not loaded (no Excel namespace)');
    return e;
  }

  get office(): OfficeGlobal {
    const o = this.opts.office ?? (globalThis as { Office?: OfficeGlobal }).Office;
    if (!o) throw new Error('Office.js 未加载 / Office.js is not loaded (no Office namespace)');
    return o;
  }

  /** Payload budget of one sync in bytes. */
  get limit(): number {
    return this.opts.payloadLimitBytes ?? 4_000_000;
  }

  /** Whether Excel has ExcelApi `version`. */
  readonly supports = (version: string): boolean =>
    this.office.context.requirements.isSetSupported('ExcelApi', version);

  explanationMode(): ExplanationMode {
    return explanationMode(this.supports);
  }

  getSetting(key: string): string | null {
    const v = this.office.context.document.settings.get(key);
    return typeof v === 'string' ? v : null;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.office.context.document.settings.set(key, value);
    await this.saveSettings();
  }

  async removeSetting(key: string): Promise<void> {
    this.office.context.document.settings.remove(key);
    try {
      await this.saveSettings();
    } catch {
      // saveAsync can report failure although it saved (office-js#761) (F13); the copy in memory no longer has
      // the setting, and a restore's writes are all in: not worth failing the restore for.
    }
  }

  /** Saves the settings, once more when Excel reports a failure (it may have saved anyway: office-js#761). */
  private async saveSettings(): Promise<void> {
    try {
      await this.saveSettingsOnce();
    } catch {
      await this.saveSettingsOnce();
    }
  }

  private saveSettingsOnce(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.office.context.document.settings.saveAsync((result) => {
        if (result.status === 'failed') {
          reject(
            new Error(
              `保存文档设置失败 / Saving the document settings failed: ${result.error?.message ?? ''}`,
            ),
          );
        } else resolve();
      });
    });
  }
}
