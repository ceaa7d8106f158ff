import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DecimalScalar } from '../common/scalars.js';

/**
 * A user-maintained exchange rate: 1 `currency` = `rate` × `base` in `year`. Funding totals convert each record at
 * its start year; a missing rate is reported as missing, never guessed (no inverse, chained or nearest-year rates).
 * The primary key (currency, year, base) is also the index the conversion join uses.
 */
@ObjectType({ description: 'An exchange rate for one year: 1 unit of `currency` = `rate` × `base`.' })
@Entity()
// The database refuses what no input could mean: a zero or negative rate, or a rate of a currency into itself.
@Check('CHK_exchange_rate_positive', `"rate" > 0`)
@Check('CHK_exchange_rate_other_base', `"currency" <> "base"`)
export class ExchangeRate {
  @Field({ description: 'ISO 4217 code of the currency converted from.' })
  @PrimaryColumn('char', { length: 3 })
  currency: string;

  @Field(() => Int, { description: 'The year the rate applies to.' })
  @PrimaryColumn('int')
  year: number;

  @Field({ description: 'ISO 4217 code of the currency converted into.' })
  @PrimaryColumn('char', { length: 3 })
  base: string;

  /** exact: numeric, never float */
  @Field(() => DecimalScalar, { description: 'How many units of `base` one unit of `currency` is worth, exactly.' })
  @Column('numeric')
  rate: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** e-mail of who last set the rate */
  @Column('text')
  updatedBy: string;
}
