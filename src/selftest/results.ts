// What a self-test check reports, and the helpers that make one (checks.ts, probes.ts).

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  zh: string;
  en: string;
  status: CheckStatus;
  /** What Excel answered, as plain text. */
  observed: string;
}

/** The scratch sheets' name stem: never a name a user's sheet would have. */
export const SCRATCH_PREFIX = 'selfeval_selftest';

export function check(id: string, zh: string, en: string, pass: boolean, observed: string): CheckResult {
  return { id, zh, en, status: pass ? 'pass' : 'fail', observed };
}

export function failed(id: string, zh: string, en: string, e: unknown): CheckResult {
  return { id, zh, en, status: 'fail', observed: errorText(e) };
}

export function errorText(e: unknown): string {
  const o = e as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  const code = typeof o?.code === 'string' ? o.code : '';
  const where = typeof o?.debugInfo?.errorLocation === 'string' ? ` @${o.debugInfo.errorLocation}` : '';
  const message = typeof o?.message === 'string' ? o.message : String(e);
  return code ? `${code}${where}: ${message}` : message;
}
