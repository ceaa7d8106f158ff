import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outcomes1795500060364 implements MigrationInterface {
  name = 'Outcomes1795500060364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" text NOT NULL, "actor_user_id" uuid, "action" character varying(32) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" uuid NOT NULL, "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fae0787e1f6fe0d8e66f072805" ON "audit_event"  ("entity_id", "at") `);
    await queryRunner.query(`CREATE TABLE "award" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" character varying(64) NOT NULL, "title" text NOT NULL, "funder_id" uuid, "lead_organisation_id" uuid, "department" text, "start_date" date, "end_date" date, "value_amount" numeric, "value_currency" character(3), "status" character varying(16), "abstract" text, "planned_impact" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, "updated_by" text NOT NULL, CONSTRAINT "PK_e887e4e69663925ebb60d3a7775" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_151b505f40722c992cb6c43ccb" ON "award"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "IDX_763fd9f95cd8f9308d70c69886" ON "award"  ("funder_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8ee120df1c338ee01912e67c63" ON "award"  ("lead_organisation_id") `);
    await queryRunner.query(`CREATE TABLE "award_member" ("award_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "PK_bb7443e9f12d3f18ded45b74d29" PRIMARY KEY ("award_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d826c85905c68b2ec2366fff6f" ON "award_member"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "orcid" character varying(19), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5adf9298a6d47ec23f8f8e65f8" ON "person"  ("orcid") WHERE orcid IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "award_person" ("award_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "PK_b6684e9460af2ecd39a56da6aed" PRIMARY KEY ("award_id", "person_id"))`);
    await queryRunner.query(`CREATE TABLE "idempotency_key" ("user_id" uuid NOT NULL, "operation" character varying(64) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acef6145ac09cfef2b6c6683c0e" PRIMARY KEY ("user_id", "operation", "key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_72d9c713a563e6e92176fe0e44" ON "idempotency_key"  ("created_at") `);
    await queryRunner.query(`CREATE TABLE "outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(32) NOT NULL, "title" text, "description" text NOT NULL, "impact" text, "url" text, "external_ids" text array NOT NULL DEFAULT '{}', "years" integer array NOT NULL DEFAULT '{}', "source_fields" jsonb, "fingerprint" character(64), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, "updated_by" text NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d721e56b4240f79aaa14cb54775" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_91e9b63dcffdb93866820c81f1" ON "outcome"  ("type") `);
    await queryRunner.query(`CREATE INDEX "IDX_1f3cb309e605ca125ebcc1e935" ON "outcome"  ("fingerprint") `);
    await queryRunner.query(`CREATE INDEX "IDX_outcome_live_created" ON "outcome"  ("created_at") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "outcome_award" ("outcome_id" uuid NOT NULL, "award_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7dfe5ccd511f3c5cfe08e4532c0" PRIMARY KEY ("outcome_id", "award_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_55124415a67c876fd785b432db" ON "outcome_award"  ("award_id") `);
    await queryRunner.query(`CREATE TABLE "engagement_activity_detail" ("outcome_id" uuid NOT NULL, "form" character varying(96) NOT NULL, "primary_audience" character varying(96) NOT NULL, "other_audiences" character varying(96) array NOT NULL DEFAULT '{}', "geographic_reach" character varying(64) NOT NULL, "part_of_official_scheme" boolean, "type_of_presentation" text, "years" integer array NOT NULL DEFAULT '{}', "audience_size" integer, CONSTRAINT "PK_e7d1a8ad516e058312fb0102a79" PRIMARY KEY ("outcome_id"))`);
    await queryRunner.query(`CREATE TABLE "further_funding_detail" ("outcome_id" uuid NOT NULL, "amount" numeric NOT NULL, "currency" character(3) NOT NULL, "funding_type" character varying(96), "funding_id" text, "organisation_id" uuid NOT NULL, "department" text, "sector" character varying(64), "country" text, "country_code" character(2), "start_month" character(7), "end_month" character(7), "start_year" integer, CONSTRAINT "PK_b37ace45e40b76e728d8fb87eb6" PRIMARY KEY ("outcome_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_23b050481b6cc81402fee459ee" ON "further_funding_detail"  ("currency") `);
    await queryRunner.query(`CREATE INDEX "IDX_e6b721ba826725a82045642f94" ON "further_funding_detail"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_161d5366d7cc6e87a3d2b04d17" ON "further_funding_detail"  ("start_year") `);
    await queryRunner.query(`CREATE TABLE "policy_influence_detail" ("outcome_id" uuid NOT NULL, "influence_type" character varying(128) NOT NULL, "geographic_reach" character varying(64), "country" text, "country_code" character(2), "first_year" integer, "guideline_title" text, "areas" text array NOT NULL DEFAULT '{}', "impact_types" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_6eb0cfc0078dea14c07746ed04e" PRIMARY KEY ("outcome_id"))`);
    await queryRunner.query(`CREATE TABLE "partnership_detail" ("outcome_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "department" text, "sector" character varying(64), "country" text, "country_code" character(2), "pi_contribution" text, "partner_contribution" text, "start_year" integer, "end_year" integer, "active" boolean, "formal_agreement" boolean, CONSTRAINT "PK_64ef1c4efa033dcf1689f13de57" PRIMARY KEY ("outcome_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_51070906bdd3e93f9a91d1f099" ON "partnership_detail"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "research_material_detail" ("outcome_id" uuid NOT NULL, "material_type" character varying(96) NOT NULL, "provided_to_others" boolean, "year_produced" integer, "doi" text, CONSTRAINT "PK_d614dbbf8752d497f83e21578b0" PRIMARY KEY ("outcome_id"))`);
    await queryRunner.query(`CREATE TABLE "impact_narrative_detail" ("outcome_id" uuid NOT NULL, "first_year_of_impact" integer, "sectors" character varying(128) array NOT NULL DEFAULT '{}', "impact_types" character varying(64) array NOT NULL DEFAULT '{}', CONSTRAINT "PK_bac71b716a95ced0c27142447ab" PRIMARY KEY ("outcome_id"))`);
    await queryRunner.query(`ALTER TABLE "award" ADD CONSTRAINT "FK_763fd9f95cd8f9308d70c698865" FOREIGN KEY ("funder_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award" ADD CONSTRAINT "FK_8ee120df1c338ee01912e67c639" FOREIGN KEY ("lead_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_member" ADD CONSTRAINT "FK_01f26ea5c564c0774ea1f6abf1d" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_member" ADD CONSTRAINT "FK_d826c85905c68b2ec2366fff6fb" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_person" ADD CONSTRAINT "FK_0d5795638dcf01da1b528dccdda" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "award_person" ADD CONSTRAINT "FK_c65ddc1a0fd997ce42633c8830b" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outcome_award" ADD CONSTRAINT "FK_5c45eb10e65948341cdb8283617" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outcome_award" ADD CONSTRAINT "FK_55124415a67c876fd785b432dbe" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "engagement_activity_detail" ADD CONSTRAINT "FK_e7d1a8ad516e058312fb0102a79" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "further_funding_detail" ADD CONSTRAINT "FK_b37ace45e40b76e728d8fb87eb6" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "further_funding_detail" ADD CONSTRAINT "FK_e6b721ba826725a82045642f94c" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "policy_influence_detail" ADD CONSTRAINT "FK_6eb0cfc0078dea14c07746ed04e" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partnership_detail" ADD CONSTRAINT "FK_64ef1c4efa033dcf1689f13de57" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "partnership_detail" ADD CONSTRAINT "FK_51070906bdd3e93f9a91d1f099a" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "research_material_detail" ADD CONSTRAINT "FK_d614dbbf8752d497f83e21578b0" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "impact_narrative_detail" ADD CONSTRAINT "FK_bac71b716a95ced0c27142447ab" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Full-text search over title, description and impact (outcomes(filter: { search })).
    await queryRunner.query(`CREATE INDEX "IDX_outcome_search" ON "outcome" USING GIN (to_tsvector('english', coalesce("title", '') || ' ' || "description" || ' ' || coalesce("impact", '')))`);
    // Re-import matches outcomes on their external ids.
    await queryRunner.query(`CREATE INDEX "IDX_outcome_external_ids" ON "outcome" USING GIN ("external_ids")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outcome_external_ids"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outcome_search"`);
    await queryRunner.query(`ALTER TABLE "impact_narrative_detail" DROP CONSTRAINT "FK_bac71b716a95ced0c27142447ab"`);
    await queryRunner.query(`ALTER TABLE "research_material_detail" DROP CONSTRAINT "FK_d614dbbf8752d497f83e21578b0"`);
    await queryRunner.query(`ALTER TABLE "partnership_detail" DROP CONSTRAINT "FK_51070906bdd3e93f9a91d1f099a"`);
    await queryRunner.query(`ALTER TABLE "partnership_detail" DROP CONSTRAINT "FK_64ef1c4efa033dcf1689f13de57"`);
    await queryRunner.query(`ALTER TABLE "policy_influence_detail" DROP CONSTRAINT "FK_6eb0cfc0078dea14c07746ed04e"`);
    await queryRunner.query(`ALTER TABLE "further_funding_detail" DROP CONSTRAINT "FK_e6b721ba826725a82045642f94c"`);
    await queryRunner.query(`ALTER TABLE "further_funding_detail" DROP CONSTRAINT "FK_b37ace45e40b76e728d8fb87eb6"`);
    await queryRunner.query(`ALTER TABLE "engagement_activity_detail" DROP CONSTRAINT "FK_e7d1a8ad516e058312fb0102a79"`);
    await queryRunner.query(`ALTER TABLE "outcome_award" DROP CONSTRAINT "FK_55124415a67c876fd785b432dbe"`);
    await queryRunner.query(`ALTER TABLE "outcome_award" DROP CONSTRAINT "FK_5c45eb10e65948341cdb8283617"`);
    await queryRunner.query(`ALTER TABLE "award_person" DROP CONSTRAINT "FK_c65ddc1a0fd997ce42633c8830b"`);
    await queryRunner.query(`ALTER TABLE "award_person" DROP CONSTRAINT "FK_0d5795638dcf01da1b528dccdda"`);
    await queryRunner.query(`ALTER TABLE "award_member" DROP CONSTRAINT "FK_d826c85905c68b2ec2366fff6fb"`);
    await queryRunner.query(`ALTER TABLE "award_member" DROP CONSTRAINT "FK_01f26ea5c564c0774ea1f6abf1d"`);
    await queryRunner.query(`ALTER TABLE "award" DROP CONSTRAINT "FK_8ee120df1c338ee01912e67c639"`);
    await queryRunner.query(`ALTER TABLE "award" DROP CONSTRAINT "FK_763fd9f95cd8f9308d70c698865"`);
    await queryRunner.query(`DROP TABLE "impact_narrative_detail"`);
    await queryRunner.query(`DROP TABLE "research_material_detail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51070906bdd3e93f9a91d1f099"`);
    await queryRunner.query(`DROP TABLE "partnership_detail"`);
    await queryRunner.query(`DROP TABLE "policy_influence_detail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_161d5366d7cc6e87a3d2b04d17"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e6b721ba826725a82045642f94"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_23b050481b6cc81402fee459ee"`);
    await queryRunner.query(`DROP TABLE "further_funding_detail"`);
    await queryRunner.query(`DROP TABLE "engagement_activity_detail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55124415a67c876fd785b432db"`);
    await queryRunner.query(`DROP TABLE "outcome_award"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outcome_live_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f3cb309e605ca125ebcc1e935"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91e9b63dcffdb93866820c81f1"`);
    await queryRunner.query(`DROP TABLE "outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72d9c713a563e6e92176fe0e44"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP TABLE "award_person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5adf9298a6d47ec23f8f8e65f8"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d826c85905c68b2ec2366fff6f"`);
    await queryRunner.query(`DROP TABLE "award_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ee120df1c338ee01912e67c63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_763fd9f95cd8f9308d70c69886"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_151b505f40722c992cb6c43ccb"`);
    await queryRunner.query(`DROP TABLE "award"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fae0787e1f6fe0d8e66f072805"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
