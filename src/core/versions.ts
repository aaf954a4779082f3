// Version numbers of requirement sets ("1.8", "1.10"): compared part by part, so 1.10 is newer than 1.9 (as
// decimals it would not be). The Office host, the task pane and the stand-in all compare with this one.

/** -1, 0 or 1 as `a` is older than, the same as, or newer than `b`; a missing part counts as 0 ("1" = "1.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
