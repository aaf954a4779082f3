// What both task panes (the modern one and the legacy ES5 one) ask of the host before any work, each read so that
// a host that throws (a broken Office, a missing setting) leaves the pane usable with its defaults.
import type { HostCapabilities, WorkbookHost } from '../app/host';

export function safeCapabilities(host: WorkbookHost): HostCapabilities | null {
  try {
    return host.capabilities();
  } catch {
    return null;
  }
}

/** A document setting when it is one of the allowed values, else the default. */
export function initialSetting<T extends string>(
  host: WorkbookHost,
  key: string,
  ok: (v: string | null) => v is T,
  def: T,
): T {
  try {
    const v = host.getSetting(key);
    return ok(v) ? v : def;
  } catch {
    return def;
  }
}

/** An error's message, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}
