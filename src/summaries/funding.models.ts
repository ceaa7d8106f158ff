/** GraphQL object types of `fundingTotals` (CONTRACT.graphql, section "summaries"). */
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '../common/money.model.js';
import { DecimalScalar } from '../common/scalars.js';
import { FundingType, Sector } from '../vocabulary/index.js';
import { ExchangeRate } from './exchange-rate.entity.js';

@ObjectType({ description: 'The values a funding group stands for: one field per dimension, null where not grouped by it.' })
export class FundingGroupKey {
  @Field(() => String, { nullable: true, description: 'Reference of the award the funding is attributed to (AWARD).' })
  award: string | null;

  @Field(() => String, { nullable: true, description: "Name of that award's funder (AWARD_FUNDER); null: none recorded." })
  awardFunder: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the organisation that gave the funding (FUNDING_ORGANISATION).' })
  fundingOrganisation: string | null;

  @Field(() => Sector, { nullable: true, description: 'Sector of the funding (SECTOR); null: none recorded.' })
  sector: string | null;

  @Field(() => String, { nullable: true, description: 'Country of the funding as recorded (COUNTRY); null: none recorded.' })
  country: string | null;

  @Field(() => Int, { nullable: true, description: 'Start year of the funding (YEAR); null: no start recorded.' })
  year: number | null;

  @Field(() => FundingType, { nullable: true, description: 'Type of funding (FUNDING_TYPE); null: none recorded.' })
  fundingType: string | null;
}

@ObjectType({ description: 'Further funding of one combination of the grouped dimensions.' })
export class FundingGroup {
  @Field(() => FundingGroupKey, { description: 'The combination this group stands for.' })
  key: FundingGroupKey;

  @Field(() => Int, { description: 'Number of funding records in the group.' })
  count: number;

  @Field(() => [Money], { description: 'Total per currency, ordered by currency code; currencies are never added together.' })
  byCurrency: Money[];

  @Field(() => Money, {
    nullable: true,
    description: 'Total in the reporting currency; null without one, or when a record of the group has no rate (see missingRates).',
  })
  converted: Money | null;
}

@ObjectType({ description: 'A currency and year for which an exchange rate was needed but not recorded.' })
export class CurrencyYear {
  @Field({ description: 'ISO 4217 code.' })
  currency: string;

  @Field(() => Int, { description: 'Year (the start year of the funding).' })
  year: number;
}

@ObjectType({ description: 'Funding converted into the reporting currency with the exchange-rate table.' })
export class ConvertedTotal {
  @Field(() => Money, { description: "Total of every record that could be converted, rounded to the currency's minor units at the end only." })
  total: Money;

  @Field(() => [ExchangeRate], { description: 'The rates used, ordered by currency and year.' })
  ratesUsed: ExchangeRate[];

  @Field(() => [CurrencyYear], { description: 'Currency-years without a rate: their amounts are left out of the total.' })
  missingRates: CurrencyYear[];

  @Field(() => [Money], {
    description: 'Amounts left out of the total per currency (no rate for their year, or no start year recorded), ordered by currency.',
  })
  unconverted: Money[];
}

@ObjectType({ description: 'Totals of further funding: exact, per currency, optionally converted and grouped.' })
export class FundingTotals {
  @Field(() => Int, { description: 'Number of funding records (a record attributed to several awards counts once).' })
  count: number;

  @Field(() => [Money], { description: 'Total per currency, ordered by currency code; currencies are never added together.' })
  byCurrency: Money[];

  @Field(() => ConvertedTotal, { nullable: true, description: 'Converted total; only when a reporting currency is given.' })
  converted: ConvertedTotal | null;

  @Field(() => [FundingGroup], { description: 'One group per combination of the groupBy dimensions, ordered by the key values.' })
  groups: FundingGroup[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Converted further funding ÷ converted value of the filtered awards (each award at its start year), to 2 decimal places. ' +
      'Null without a reporting currency, or when any award value or funding record cannot be converted.',
  })
  leverage: string | null;
}
