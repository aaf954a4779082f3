// Payload estimates and chunking: Excel on the web refuses a request or response over 5 MB, so every read and
// write is estimated in bytes and queued as jobs; the jobs go in one sync when they fit the budget (4 MB by
// default) and are cut into as few syncs as the budget allows when they do not.

/** Estimated response bytes of one cell of a used range (value and number format). */
export const BYTES_PER_CELL = 48;

/** One unit of a batched read or write: its estimated size and the calls that queue it. */
export interface Job {
  bytes: number;
  queue: () => void;
}

/** Queue the jobs and sync: once when they fit the payload budget, in as few syncs as the budget allows when
 *  they do not. `after` runs after every sync (to collect what it loaded). */
export async function runJobs(
  context: Excel.RequestContext,
  jobs: Job[],
  limit: number,
  after?: () => void,
): Promise<void> {
  const batches: Job[][] = [[]];
  let size = 0;
  for (const job of jobs) {
    const current = batches[batches.length - 1];
    if (current.length > 0 && size + job.bytes > limit) {
      batches.push([job]);
      size = job.bytes;
    } else {
      current.push(job);
      size += job.bytes;
    }
  }
  for (const batch of batches) {
    for (const job of batch) job.queue();
    // Several syncs only when the batch is over the payload budget (Excel on the web's 5 MB limit).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    after?.();
  }
}

/** Size of a string as UTF-8 bytes (what the payload limit counts). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isOfficeError(e: unknown): e is { code: string; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

/** Excel refused a request or a response for its size. */
export function isPayloadError(e: unknown): boolean {
  return (
    isOfficeError(e) &&
    (e.code === 'RequestPayloadSizeLimitExceeded' || e.code === 'ResponsePayloadSizeLimitExceeded')
  );
}

/** A get of more than five million cells (RangeExceedsLimit, application-specific-api-error-handling.md). */
export function isCellLimitError(e: unknown): boolean {
  return isOfficeError(e) && e.code === 'RangeExceedsLimit';
}

/** Where in a batch Excel stopped (debugInfo.errorLocation: "Comment.add" …), or "". */
export function errorLocation(e: unknown): string {
  const info = (e as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  return typeof info?.errorLocation === 'string' ? info.errorLocation : '';
}
