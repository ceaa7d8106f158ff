/** Import progress on stderr: a bar on a terminal, a plain line every few seconds otherwise (CI logs, pipes). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(bytes: number, records: number): void;
  stop(): void;
}

export function progress(totalBytes: number, out: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const rate = (records: number) => Math.round(records / Math.max((Date.now() - started) / 1000, 0.001));
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'importing |{bar}| {percentage}% | {records} records | {rate} records/s', stream: out, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { records: 0, rate: 0 });
    return {
      update: (bytes, records) => bar.update(Math.min(bytes, totalBytes), { records, rate: rate(records) }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let lastRecords = 0;
  const line = (bytes: number, records: number) =>
    out.write(`${records} records read, ${Math.round((100 * bytes) / Math.max(totalBytes, 1))}% of the file, ${rate(records)} records/s\n`);
  return {
    update: (bytes, records) => {
      lastRecords = records;
      if (Date.now() - last < 2000) return;
      last = Date.now();
      line(bytes, records);
    },
    stop: () => line(totalBytes, lastRecords),
  };
}
