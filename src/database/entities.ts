// Every entity, listed once: globs do not work across the compiled app and ts-jest.
import { ApiToken } from '../access/api-token.entity.js';
import { Organisation } from '../access/organisation.entity.js';
import { User } from '../access/user.entity.js';

export const ENTITIES = [Organisation, User, ApiToken];
