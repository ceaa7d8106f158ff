import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange-rate table of funding conversions. Its primary key (currency, year, base) is the index the
 * conversion join uses. The summaries' other joins use indexes that exist already: outcome_award (outcome_id,
 * award_id) and (award_id), outcome(type), award(reference, funder_id, lead_organisation_id),
 * further_funding_detail(organisation_id, start_year, currency), organisation(name_key), and the detail tables'
 * primary keys (outcome_id).
 */
export class ExchangeRates1795500546243 implements MigrationInterface {
  name = 'ExchangeRates1795500546243';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "exchange_rate" ("currency" character(3) NOT NULL, "year" integer NOT NULL, "base" character(3) NOT NULL, "rate" numeric NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" text NOT NULL, CONSTRAINT "CHK_exchange_rate_other_base" CHECK ("currency" <> "base"), CONSTRAINT "CHK_exchange_rate_positive" CHECK ("rate" > 0), CONSTRAINT "PK_550f0aedb5fba29063388b66723" PRIMARY KEY ("currency", "year", "base"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "exchange_rate"`);
  }
}
