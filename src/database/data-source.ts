// Entry for the TypeORM CLI (`typeorm migration:generate -d dist/src/database/data-source.js`): it reads only
// DATABASE_URL, which scripts/migration.js points at a throwaway database.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set for the TypeORM CLI');
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL));
