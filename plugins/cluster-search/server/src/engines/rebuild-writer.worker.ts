import fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { finishRebuild, openForRebuild, rowWriter, type IndexRow } from './index-file';
import type { WriterMessage, WriterReply } from './rebuild-writer';

/** The rebuild writer's thread (see rebuild-writer.ts): owns the new index file until it is finished. */
const { file } = workerData as { file: string };
const db = openForRebuild(file);
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
      // Written without a journal or syncs: on disk before the pointer names it (and before searches
      // on it compete with the kernel writing it back).
      const fd = fs.openSync(file, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    reply({ kind: 'done' });
  } catch (error) {
    reply({ kind: 'failed', message: (error as Error).message });
  }
});
