import { ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';

export const MIN_YEAR = 1900;
/** Outcomes may be planned a little ahead, never reported from the far future. */
export const maxYear = (): number => new Date().getUTCFullYear() + 1;

/** A year between 1900 and next year (checked at validation time, so it moves with the calendar). */
export function IsReportingYear(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isReportingYear',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a year from ${MIN_YEAR} to ${maxYear()}`, ...options },
      validator: {
        validate: (v: unknown) => Number.isInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= maxYear(),
      },
    });
}

/** A UUID as PostgreSQL's uuid type reads it: ids that are not one cannot exist (never a cast error, never a 500). */
export const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Optional and nullable (null clears the field in updates). */
export const IsOptionalOrNull = (): PropertyDecorator => ValidateIf((_, v) => v !== undefined && v !== null);

/** May be left out of an update, but not cleared: a required field. */
export const NotNullIfGiven = (): PropertyDecorator => ValidateIf((_, v) => v !== undefined);

/** ORCID iD with its ISO 7064 MOD 11-2 check digit verified. */
export function isValidOrcid(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(?:https?:\/\/orcid\.org\/)?(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$/.exec(value.trim());
  if (!m) return false;
  const digits = m.slice(1).join('');
  let total = 0;
  for (const ch of digits.slice(0, 15)) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? 'X' : String(check));
}

export function IsOrcid(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isOrcid',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an ORCID iD such as 0000-0002-1825-0097 (check digit verified)`, ...options },
      validator: { validate: (v: unknown) => v == null || isValidOrcid(v) },
    });
}

/** A calendar date written YYYY-MM-DD that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date YYYY-MM-DD`, ...options },
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
          const d = new Date(`${v}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
        },
      },
    });
}

/** http(s) URLs only: no javascript:, data: or file: links in reports. */
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true };

/** A "YYYY-MM" month from 1900 to ten years ahead (funding can end years from now). */
export function IsPlausibleMonth(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPlausibleMonth',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a month YYYY-MM from ${MIN_YEAR} to ${maxYear() + 9}`, ...options },
      validator: {
        validate: (v: unknown) => {
          const m = typeof v === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(v) : null;
          return !!m && Number(m[1]) >= MIN_YEAR && Number(m[1]) <= maxYear() + 9;
        },
      },
    });
}

/** An end year: from 1900 to ten years ahead. */
export function IsEndYear(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isEndYear',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a year from ${MIN_YEAR} to ${maxYear() + 9}`, ...options },
      validator: { validate: (v: unknown) => Number.isInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= maxYear() + 9 },
    });
}

/**
 * Not before another field of the same input when both are given ("YYYY-MM", "YYYY-MM-DD" or years), so a
 * create lists it with every other invalid field; services re-check updates against the stored record.
 */
export function IsNotBefore(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [other],
      options: { message: `${String(propertyName)} must not be before ${other}`, ...options },
      validator: {
        validate: (v: unknown, args) => {
          const start = (args?.object as Record<string, unknown>)[other];
          return v == null || start == null || typeof v !== typeof start || !((v as string | number) < (start as string | number));
        },
      },
    });
}
