import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Ctx } from '../access/decorators.js';
import { badField, notFound } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/validators.js';
import { CONTENT_TYPES, renderReturn, type Format } from './render/index.js';
import { ReturnsService } from './returns.service.js';

function formatOf(value: string | undefined): Format {
  const f = (value ?? 'json').toUpperCase();
  if (!(f in CONTENT_TYPES)) throw badField('format', 'format must be one of json, csv, markdown, gtr_text, html');
  return f as Format;
}

/** Renderings over HTTP, with the same bearer token and scope as GraphQL. */
@Controller('returns')
export class ReturnsController {
  constructor(private readonly returns: ReturnsService) {}

  @Get('draft')
  async draft(@Ctx() ctx: RequestContext, @Query('award') award: string, @Query('period') period: string, @Query('format') format: string, @Res() res: Response) {
    const f = formatOf(format);
    if (!award) throw badField('award', 'award (a reference) is required');
    const draft = await this.returns.draft(ctx, award, period ?? '');
    this.send(res, f, renderReturn(draft.document, f), `return-${draft.document.award.reference}-draft`);
  }

  @Get(':id')
  async submitted(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query('format') format: string, @Res() res: Response) {
    const f = formatOf(format);
    const r = isUuid(id) ? await this.returns.submittedById(ctx, id) : null;
    if (!r) throw notFound('Submitted return');
    this.send(res, f, renderReturn(r.snapshot, f), `return-${r.snapshot.award.reference}-v${r.version}`);
  }

  private send(res: Response, f: Format, body: string, name: string): void {
    const { type, extension } = CONTENT_TYPES[f];
    res.setHeader('content-type', type);
    res.setHeader('content-disposition', `inline; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${extension}"`);
    // A rendered return is not for shared caches.
    res.setHeader('cache-control', 'private, no-store');
    res.send(body);
  }
}
