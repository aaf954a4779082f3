// The one findings collector every rule family adds to: code, severity, cell, expected/found and the message.
import { toA1 } from '../a1';
import type { Text } from '../messages';
import type { Finding, FindingCode, Severity } from '../report';

/** A cell of the grid, 0-based. */
export interface Pos {
  row: number;
  col: number;
}

/** Collects findings with their cell positions, for sorting into reading order. */
export class Findings {
  private readonly list: { finding: Finding; row: number; col: number; seq: number }[] = [];

  add(
    code: FindingCode,
    severity: Severity,
    at: Pos | null,
    text: Text,
    expected?: string | null,
    found?: string | null,
  ): void {
    const finding: Finding = {
      code,
      severity,
      cell: at ? toA1(at.row, at.col) : null,
      message: text.zh,
      messageEn: text.en,
    };
    if (expected !== undefined && expected !== null) finding.expected = expected;
    if (found !== undefined && found !== null) finding.found = found;
    this.list.push({ finding, row: at?.row ?? Infinity, col: at?.col ?? Infinity, seq: this.list.length });
  }

  /** Whether a finding of one of `codes`, at one of `severities`, points at the cell. */
  has(at: Pos, codes: readonly FindingCode[], severities: readonly Severity[]): boolean {
    return this.list.some(
      (x) =>
        x.row === at.row &&
        x.col === at.col &&
        codes.includes(x.finding.code) &&
        severities.includes(x.finding.severity),
    );
  }

  /** Reading order: row, then column, then the order the checks ran in; findings without a cell last. */
  sorted(): Finding[] {
    return [...this.list]
      .sort((a, b) => a.row - b.row || a.col - b.col || a.seq - b.seq)
      .map((x) => x.finding);
  }
}
