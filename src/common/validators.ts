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

/** Optional and nullable (null clears the field in updates). */
export const IsOptionalOrNull = (): PropertyDecorator => ValidateIf((_, v) => v !== undefined && v !== null);

/** May be left out of an update, but not cleared: a required field. */
export const NotNullIfGiven = (): PropertyDecorator => ValidateIf((_, v) => v !== undefined);
