/**
 * GtR amounts (`£4,755,356 (GBP)`, `€\u00a02,344,500 (EUR)`) ↔ MoneyInput { amount: exact decimal string, currency }.
 * Money never passes through a JS number: digits are handled as text so no amount is ever rounded.
 */

export interface Money {
  amount: string;
  currency: string;
}

export type MoneyResult = { ok: Money } | { error: string };

import { isCurrency, minorUnits } from '../../common/money.js';

export { isCurrency, minorUnits };

// Only where the symbol names one currency; `$` or `¥` alone name several, so they need the bracketed code.
const SYMBOL_CURRENCY: Readonly<Record<string, string>> = { '£': 'GBP', '€': 'EUR' };

/** Parses a GtR amount; the bracketed ISO code rules over any symbol. */
export function parseMoney(text: string): MoneyResult {
  const compact = text.replace(/[\s\u00a0]+/g, '');
  const bracket = /^(.*)\(([A-Za-z]{3})\)$/.exec(compact);
  const numberPart = bracket ? bracket[1] : compact;
  const match = /^([^\d.,-]*)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(numberPart);
  if (!match) return { error: `"${text}" is not an amount like £4,755,356 (GBP)` };
  const [, symbol, whole, fraction = ''] = match;
  const currency = bracket ? bracket[2].toUpperCase() : SYMBOL_CURRENCY[symbol];
  if (!currency) return { error: `"${text}" has no currency: add the ISO code in brackets, e.g. (GBP)` };
  if (!isCurrency(currency)) return { error: `"${currency}" is not an ISO 4217 currency code` };
  const digits = minorUnits(currency);
  if (fraction.length > digits && /[^0]/.test(fraction.slice(digits))) {
    return { error: `"${text}" has more decimals than ${currency}'s ${digits} minor units` };
  }
  return { ok: { amount: decimalString(whole.replace(/,/g, ''), fraction, digits), currency } };
}

function decimalString(whole: string, fraction: string, digits: number): string {
  const integer = whole.replace(/^0+(?=\d)/, '');
  if (digits === 0) return integer;
  return `${integer}.${fraction.slice(0, digits).padEnd(digits, '0')}`;
}

/** Exact minor units as a BigInt, for sums that must not round ("4755356.00" → 475535600n). */
export function toMinorUnits(money: Money): bigint {
  const digits = minorUnits(money.currency);
  const [whole, fraction = ''] = money.amount.split('.');
  return BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
}

/** The inverse of toMinorUnits. */
export function fromMinorUnits(minor: bigint, currency: string): Money {
  const digits = minorUnits(currency);
  const text = minor.toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return { amount, currency };
}

/**
 * Writes money as GtR does: thousands separated, no decimals when they are all zero (GtR shows whole pounds),
 * the ISO code in brackets. Non-decimal text is written as it is, so nothing is silently changed.
 */
export function renderMoney(money: Money): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(money.amount.trim());
  if (!match) return `${money.amount} (${money.currency})`;
  const [, whole, fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = /[^0]/.test(fraction) ? `.${fraction.padEnd(minorUnits(money.currency), '0')}` : '';
  return `${currencySymbol(money.currency)}${grouped}${decimals} (${money.currency})`;
}

function currencySymbol(currency: string): string {
  if (currency === 'GBP') return '£';
  // GtR separates the euro sign with U+00A0 (see the fixture); keep that byte-for-byte.
  if (currency === 'EUR') return '€\u00a0';
  if (!isCurrency(currency)) return '';
  const symbol =
    new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')
      ?.value ?? '';
  return /[A-Za-z]$/.test(symbol) ? `${symbol}\u00a0` : symbol;
}
