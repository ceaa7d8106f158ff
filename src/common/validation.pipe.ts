import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { badInput, type FieldError } from './errors.js';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): FieldError[] {
  for (const e of errors) {
    // list items as GraphQL writes them: input.people[0].orcid
    const path = /^\d+$/.test(e.property) && prefix ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    // one entry per invalid field, its failed checks joined
    const messages = Object.values(e.constraints ?? {});
    if (messages.length) out.push({ path, message: messages.join('; ') });
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

/**
 * class-validator on every argument, answering BAD_USER_INPUT with EVERY invalid field as `{ path, message }`
 * where path starts at the argument name ("input.amount.amount").
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    // custom parameters (@Ctx()) are built by the server, not sent by the client
    if (metadata.type === 'custom' || !type || PRIMITIVES.includes(type) || value == null || typeof value !== 'object') return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false } });
    if (errors.length) throw badInput(flatten(errors, metadata.data ?? '', []));
    // The plain value keeps explicit nulls ("clear this field") exactly as the client sent them.
    return value;
  }
}
