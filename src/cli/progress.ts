/** A one-line progress bar on stderr, redrawn in place on a terminal and printed every 10 % elsewhere. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update(done: number, total: number) {
      const ratio = total === 0 ? 1 : done / total;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = `${label} [${'#'.repeat(Math.round(ratio * 30)).padEnd(30, '.')}] ${done}/${total} ${(ratio * 100).toFixed(0)}% ${seconds}s`;
      if (stream.isTTY) {
        stream.write(`\r${text}`);
        if (done >= total) stream.write('\n');
      } else {
        const decile = Math.floor(ratio * 10);
        if (decile !== lastDecile) stream.write(`${text}\n`);
        lastDecile = decile;
      }
    },
  };
}
