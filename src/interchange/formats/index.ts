/** Opens an import's content as the source of its format. */
import { Readable } from 'node:stream';
import type { ImportOptions, ImportSource, ProblemSink } from '../import/types.js';
import { csvSource } from './csv.js';
import { gtrJsonSource, gtrXmlSource } from './gtr-json.js';
import { gtrTextSource } from './gtr-text.js';
import { researchfishSource } from './researchfish/workbook.js';

/** Text (GraphQL), a buffer, or a stream (HTTP body, CLI file): CSV streams, the other formats are read whole. */
export type ImportContent = string | Buffer | Readable;

async function readAll(content: ImportContent): Promise<Buffer> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A workbook is a zip ("PK"); anything else is taken as its base64 text (GraphQL carries it that way). */
function workbookBytes(bytes: Buffer): Buffer {
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') return bytes;
  return Buffer.from(bytes.toString('latin1').replace(/\s+/g, ''), 'base64');
}

export async function openSource(opts: ImportOptions, content: ImportContent, sink: ProblemSink): Promise<ImportSource> {
  switch (opts.format) {
    case 'CSV': {
      const stream = typeof content === 'string' || Buffer.isBuffer(content) ? Readable.from([content]) : content;
      return csvSource(stream, opts.outcomeType!, opts.awardReference, sink);
    }
    case 'GTR_TEXT':
      return gtrTextSource((await readAll(content)).toString('utf8'), opts.awardReference!, sink);
    case 'GTR_JSON':
      return gtrJsonSource((await readAll(content)).toString('utf8'), opts.awardReference, sink);
    case 'GTR_XML':
      return gtrXmlSource((await readAll(content)).toString('utf8'), opts.awardReference, sink);
    case 'RESEARCHFISH_XLSX':
      return researchfishSource(workbookBytes(await readAll(content)), opts.awardReference, sink);
  }
}
