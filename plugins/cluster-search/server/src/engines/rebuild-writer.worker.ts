import { parentPort, workerData } from 'worker_threads';
import { finishRebuild, openForRebuild, rowWriter, type IndexRow } from './index-file';
import type { WriterMessage, WriterReply } from './rebuild-writer';

/** The rebuild writer's thread (see rebuild-writer.ts): owns the new index file until it is finished. */
const db = openForRebuild((workerData as { file: string }).file);
const write = rowWriter(db);
const writeAll = db.transaction((rows: IndexRow[]) => {
  for (const row of rows) write(row);
});
const reply = (message: WriterReply) => parentPort!.postMessage(message);

parentPort!.on('message', (message: WriterMessage) => {
  try {
    if (message.kind === 'rows') writeAll(message.rows);
    else {
      finishRebuild(db);
      db.close();
    }
    reply({ kind: 'done' });
  } catch (error) {
    reply({ kind: 'failed', message: (error as Error).message });
  }
});
