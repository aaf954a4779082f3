// One decimal.js constructor for the whole core: 40 significant digits, so money and ratios stay exact.
import DecimalJs from 'decimal.js';
import type { RoundingRule } from './rulebook';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

const MODES: Record<RoundingRule, DecimalJs.Rounding> = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
};

/** Round to `decimals` places by a named rule of the rulebook. */
export function roundBy(value: Decimal, decimals: number, rule: RoundingRule): Decimal {
  return value.toDecimalPlaces(decimals, MODES[rule]);
}

/** A plain decimal string with exactly `decimals` places ("9.73", "20.00"). */
export function fixed(value: Decimal, decimals: number, rule: RoundingRule): string {
  return value.toFixed(decimals, MODES[rule]);
}

/** A plain decimal string without exponent or trailing zeros beyond what the value has ("965043.97"). */
export function plain(value: Decimal): string {
  return value.toFixed();
}
