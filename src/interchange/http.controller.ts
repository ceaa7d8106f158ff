import { Controller, Get, HttpCode, PayloadTooLargeException, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { Readable, Transform } from 'node:stream';
import { Ctx } from '../access/decorators.js';
import { badField } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { OUTCOME_TYPES, type OutcomeTypeName } from '../outcomes/outcome.entity.js';
import { ExportService } from './export/export.service.js';
import { ImportService } from './import/import.service.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ImportReportData } from './import/types.js';

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : v)?.trim() || undefined;
const flag = (v: string | string[] | undefined): boolean => /^(1|true|yes)$/i.test(one(v) ?? '');

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], required: boolean): T | undefined {
  if (!value) {
    if (required) throw badField(name, `${name} is required: one of ${allowed.join(', ').toLowerCase()}`);
    return undefined;
  }
  const upper = value.toUpperCase() as T;
  if (!allowed.includes(upper)) throw badField(name, `${name} must be one of ${allowed.join(', ').toLowerCase()}`);
  return upper;
}

/** "200mb" → bytes (the config schema has already checked the form). */
export function byteLimit(size: string): number {
  const m = /^(\d+)(b|kb|mb|gb)$/i.exec(size.trim())!;
  return Number(m[1]) * 1024 ** ['b', 'kb', 'mb', 'gb'].indexOf(m[2].toLowerCase());
}

/** The request body as a stream, ended with 413 past `max` bytes: a file is never held whole to check its size. */
function limitedBody(req: Request, max: number): Readable {
  // Sent as application/json, the body was already read by the app's JSON parser (within GRAPHQL_BODY_LIMIT):
  // the file's JSON is taken from there. Any other content type streams, within IMPORT_BODY_LIMIT.
  if (req.readableEnded && req.body !== undefined) return Readable.from([Buffer.from(JSON.stringify(req.body))]);
  const tooLarge = () => {
    // The rest of the body is never read: the connection cannot carry another request after this answer.
    req.res?.setHeader('connection', 'close');
    return new PayloadTooLargeException(`the file is larger than the import limit of ${max} bytes`);
  };
  if (Number(req.headers['content-length'] ?? 0) > max) throw tooLarge();
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > max ? tooLarge() : null, chunk);
    },
  });
  // pipe, not pipeline: when the import stops early the request is left for the server to drain, so the
  // answer still reaches the client; a request that fails or is cut off ends the import.
  req.on('error', (e) => limiter.destroy(e));
  req.on('close', () => {
    if (!req.complete) limiter.destroy(new Error('the client closed the connection before the file was sent'));
  });
  return req.pipe(limiter);
}

/** File import and export over plain HTTP (same bearer-token auth as GraphQL, through the global guard). */
@Controller()
export class InterchangeController {
  constructor(
    private readonly imports: ImportService,
    private readonly exports: ExportService,
    private readonly config: ConfigService,
  ) {}

  /** POST /imports?format=csv&type=engagement_activity&award=ES/J008435/1&dryRun=true&lenient=true, the file as the body. */
  @Post('imports')
  @HttpCode(200)
  async import(@Ctx() ctx: RequestContext, @Req() req: Request, @Query() q: Params): Promise<ImportReportData> {
    const format = choice('format', one(q.format), IMPORT_FORMATS, true)!;
    const outcomeType = choice('type', one(q.type), OUTCOME_TYPES, false) as OutcomeTypeName | undefined;
    const body = limitedBody(req, byteLimit(this.config.get<string>('IMPORT_BODY_LIMIT') ?? '200mb'));
    return this.imports.import(
      ctx,
      { format, outcomeType, awardReference: one(q.award), dryRun: flag(q.dryRun), lenient: flag(q.lenient) },
      body,
      { awardReference: 'award', outcomeType: 'type' },
    );
  }

  /** GET /exports?format=gtr_text&award=ES/J008435/1 (award may repeat), &type=… for CSV: a file download. */
  @Get('exports')
  async export(@Ctx() ctx: RequestContext, @Query() q: Params, @Res() res: Response): Promise<void> {
    const format = choice('format', one(q.format), EXPORT_FORMATS, true)!;
    const outcomeType = choice('type', one(q.type), OUTCOME_TYPES, false) as OutcomeTypeName | undefined;
    const awards = [q.award ?? []].flat().flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
    const file = await this.exports.export(ctx, format, awards.length ? { awardReferences: awards } : null, outcomeType, { award: 'award', type: 'type' });
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  }
}
