// What went wrong, in terms the pane can explain: each kind has a banner that says what to do.
import type { Report } from '../core';
import type { Messages } from '../ui-text';
import { MIN_EXCEL_API } from './requirements';

export type Problem =
  | { kind: 'noForm' }
  | { kind: 'unsupported'; needed: string; have: string | null }
  /** `partial`: the work was done, but cells on these sheets could not be marked or put back. */
  | { kind: 'protected'; sheet: string | null; partial?: boolean }
  | { kind: 'cellEdit' }
  | { kind: 'setting'; message: string }
  | { kind: 'other'; message: string };

/** Excel error codes (OfficeExtension.Error.code) that mean "this Excel cannot do that". */
const UNSUPPORTED_CODES = new Set([
  'ApiNotFound',
  'NotImplemented',
  'UnsupportedOperation',
  'UnsupportedFeature',
  'NotSupported',
  'ApiNotAvailable',
]);
const UNSUPPORTED_NAMES = new Set(['ApiNotSupportedError', 'UnsupportedApiError', 'NotSupportedError']);
const UNSUPPORTED_TEXT =
  /not supported|isn't supported|is not available in this|requirement set|isSetSupported|不支持|ExcelApi\s*\d/i;
const PROTECTION_TEXT = /protect|受保护|保护/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  debugInfo?: { message?: unknown; errorLocation?: unknown; code?: unknown };
  sheet?: unknown;
  needed?: unknown;
  /** Our own errors may carry a Chinese message (RulebookError …). */
  messageZh?: unknown;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Turn anything thrown by the host or the core into a Problem. Never throws. */
export function classifyError(error: unknown, have: string | null = null): Problem {
  const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
  const code = str(e.code) ?? str(e.debugInfo?.code);
  const name = str(e.name);
  const message = str(e.message) ?? (typeof error === 'string' ? error : null) ?? String(error);
  const detail = [message, str(e.debugInfo?.message), str(e.debugInfo?.errorLocation)]
    .filter(Boolean)
    .join(' ');
  const sheet = str(e.sheet);

  if (code === 'InvalidOperationInCellEditMode') return { kind: 'cellEdit' };
  if (
    code === 'AccessDenied' ||
    name === 'SheetProtectedError' ||
    (code === 'InvalidOperation' && PROTECTION_TEXT.test(detail))
  ) {
    return { kind: 'protected', sheet };
  }
  if (
    (code !== null && UNSUPPORTED_CODES.has(code)) ||
    (name !== null && UNSUPPORTED_NAMES.has(name)) ||
    UNSUPPORTED_TEXT.test(detail)
  ) {
    return { kind: 'unsupported', needed: str(e.needed) ?? MIN_EXCEL_API, have };
  }
  if (!code && PROTECTION_TEXT.test(detail)) return { kind: 'protected', sheet };
  return { kind: 'other', message: str(e.messageZh) ?? message };
}

/** A report with no form is a problem of its own (the banner says what the add-in looks for). */
export function reportProblem(report: Report): Problem | null {
  return report.forms.length === 0 ? { kind: 'noForm' } : null;
}

export interface BannerText {
  intent: 'error' | 'warning';
  title: string;
  body: string;
}

export function bannerText(p: Problem, m: Messages): BannerText {
  switch (p.kind) {
    case 'noForm':
      return { intent: 'warning', title: m.banner.noFormTitle, body: m.banner.noFormBody };
    case 'unsupported':
      return {
        intent: 'error',
        title: m.banner.unsupportedTitle,
        body: m.banner.unsupportedBody(p.needed, p.have),
      };
    case 'protected':
      return {
        intent: p.partial ? 'warning' : 'error',
        title: m.banner.protectedTitle,
        body: m.banner.protectedBody(p.sheet),
      };
    case 'cellEdit':
      return { intent: 'warning', title: m.banner.cellEditTitle, body: m.banner.cellEditBody };
    case 'setting':
      return { intent: 'warning', title: m.banner.settingTitle, body: m.banner.settingBody(p.message) };
    case 'other':
      return { intent: 'error', title: m.banner.otherTitle, body: m.banner.otherBody(stripStop(p.message)) };
  }
}

function stripStop(s: string): string {
  // No /u flag: the characters are all in the BMP, and the legacy pane's engines (IE11) reject the flag.
  return s.replace(/[。.!！\s]+$/, '');
}

/** Sheets whose cells the host left alone because they are protected (Office host's apply / restore). */
export function protectedLeftovers(result: unknown): Problem | null {
  if (typeof result !== 'object' || result === null) return null;
  const r = result as { skipped?: unknown; blocked?: unknown };
  const sheets = new Set<string>();
  if (Array.isArray(r.skipped)) {
    for (const s of r.skipped as { sheet?: unknown; reason?: unknown }[]) {
      if (s && s.reason === 'protected' && typeof s.sheet === 'string') sheets.add(s.sheet);
    }
  }
  const blocked = typeof r.blocked === 'number' && r.blocked > 0;
  if (sheets.size === 0 && !blocked) return null;
  return { kind: 'protected', sheet: sheets.size > 0 ? [...sheets].join(', ') : null, partial: true };
}

/** Sheets the report names as protected (read and scored, but not marked). */
export function protectedInReport(report: Report): Problem | null {
  const sheets = report.errors
    .filter((e) => e.code === 'SHEET_PROTECTED' && e.sheet)
    .map((e) => e.sheet as string);
  return sheets.length > 0
    ? { kind: 'protected', sheet: [...new Set(sheets)].join(', '), partial: true }
    : null;
}
