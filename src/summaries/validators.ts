import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { isCurrency } from '../common/money.js';

// common/money.model.ts keeps its currency constraint private; this one checks through the same isCurrency().
@ValidatorConstraint({ name: 'isCurrencyCode' })
export class IsCurrencyCode implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCurrency(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an ISO 4217 code such as GBP, EUR or USD; got "${String(args.value)}"`;
  }
}

/** Exchange-rate limits: wide enough for any real rate (JPY→GBP is ~0.005, GBP→IDR ~20000), exact to 12 places. */
export const MAX_RATE_DECIMALS = 12;
export const MAX_RATE_INTEGER_DIGITS = 12;

@ValidatorConstraint({ name: 'isExchangeRate' })
export class IsExchangeRate implements ValidatorConstraintInterface {
  private problem(value: unknown): string | null {
    const text = String(value ?? '');
    if (!/^-?\d+(\.\d+)?$/.test(text)) return 'rate must be a decimal number';
    if (text.startsWith('-') || /^[0.]+$/.test(text)) return 'rate must be greater than 0';
    const [whole, fraction = ''] = text.split('.');
    if (whole.replace(/^0+/, '').length > MAX_RATE_INTEGER_DIGITS) return `rate must be below 10^${MAX_RATE_INTEGER_DIGITS}`;
    if (fraction.length > MAX_RATE_DECIMALS) return `rate must have at most ${MAX_RATE_DECIMALS} decimal places`;
    return null;
  }
  validate(value: unknown): boolean {
    return this.problem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value) ?? 'invalid rate';
  }
}

/** A rate from a currency into itself is always 1: storing one would only invite a contradiction. */
@ValidatorConstraint({ name: 'isOtherCurrency' })
export class IsOtherCurrency implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return value !== (args.object as { currency?: unknown }).currency;
  }
  defaultMessage(): string {
    return 'base must differ from currency (a currency converts into itself at rate 1)';
  }
}
