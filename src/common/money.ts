import { Decimal } from 'decimal.js';

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 codes as the runtime's ICU knows them. */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code);
}

const MINOR_UNITS = new Map<string, number>();

/** Minor units of a currency: GBP 2, JPY 0, BHD 3 (remembered: every amount shown asks, and ICU is slow to). */
export function minorUnits(currency: string): number {
  let units = MINOR_UNITS.get(currency);
  if (units === undefined) {
    units = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    if (ISO_CURRENCIES.has(currency)) MINOR_UNITS.set(currency, units); // bounded: only real codes are kept
  }
  return units;
}

/** Decimal places written in a decimal string ("10.500" has 3). */
export function decimalPlaces(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

/** An amount rendered with its currency's minor units, exactly ("4755356" GBP -> "4755356.00"). */
export function formatAmount(amount: string | Decimal, currency: string): string {
  return new Decimal(amount).toFixed(minorUnits(currency));
}

export interface MoneyValue {
  amount: string;
  currency: string;
}
