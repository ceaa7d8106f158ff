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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings PostgreSQL cannot store, anywhere in an argument: a NUL character (text and jsonb refuse it) or half of
 * a UTF-16 surrogate pair (jsonb refuses it; text would silently turn it into U+FFFD).
 */
function unstorableText(value: unknown, path: string, name: string, out: FieldError[]): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: `${name} must not contain NUL characters (\\u0000)` });
    else if (LONE_SURROGATE.test(value)) out.push({ path, message: `${name} must be valid Unicode text (it holds half a surrogate pair)` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableText(v, `${path}[${i}]`, name, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unstorableText(v, path ? `${path}.${k}` : k, k, out);
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
    if (metadata.type === 'custom') return value;
    const problems = unstorableText(value, metadata.data ?? '', metadata.data ?? 'argument', []);
    if (!type || PRIMITIVES.includes(type) || value == null || typeof value !== 'object') {
      if (problems.length) throw badInput(problems);
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false } });
    problems.push(...flatten(errors, metadata.data ?? '', []));
    if (problems.length) throw badInput(problems);
    // The plain value keeps explicit nulls ("clear this field") exactly as the client sent them.
    return value;
  }
}
