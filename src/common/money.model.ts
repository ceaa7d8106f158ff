import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { decimalPlaces, isCurrency, minorUnits } from './money.js';
import { DecimalScalar } from './scalars.js';

@ObjectType({ description: 'An exact amount of money in one currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: "Exact amount as a decimal string, with the currency's minor units." })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. GBP.' })
  currency: string;
}

@ValidatorConstraint({ name: 'isCurrencyCode' })
class IsCurrencyCode implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCurrency(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `currency must be an ISO 4217 code such as GBP, EUR or USD; got "${String(args.value)}"`;
  }
}

@ValidatorConstraint({ name: 'isMoneyAmount' })
class IsMoneyAmount implements ValidatorConstraintInterface {
  private problem(args: ValidationArguments): string | null {
    const value = String(args.value ?? '');
    if (!/^-?\d+(\.\d+)?$/.test(value)) return 'amount must be a decimal number';
    if (value.startsWith('-') || /^[0.]+$/.test(value)) return 'amount must be greater than 0';
    if (value.replace(/^0+/, '').split('.')[0].length > 15) return 'amount must be below 10^15';
    const currency = (args.object as { currency?: unknown }).currency;
    if (isCurrency(currency) && decimalPlaces(value) > minorUnits(currency)) {
      return `amount must have at most ${minorUnits(currency)} decimal places for ${currency}`;
    }
    return null;
  }
  validate(_: unknown, args: ValidationArguments): boolean {
    return this.problem(args) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args) ?? 'invalid amount';
  }
}

@InputType({ description: 'An exact amount of money: a positive decimal string and an ISO 4217 currency.' })
export class MoneyInput {
  @Field(() => DecimalScalar, { description: 'Amount > 0, with no more decimals than the currency has (GBP 2, JPY 0).' })
  @Validate(IsMoneyAmount)
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  @IsString()
  @Validate(IsCurrencyCode)
  currency: string;
}
