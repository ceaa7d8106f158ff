import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserPerson1795501232198 implements MigrationInterface {
  name = 'UserPerson1795501232198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "person_id" uuid`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_3a194b12d01edcd333659ab50a6" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_3a194b12d01edcd333659ab50a6"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "person_id"`);
  }
}
