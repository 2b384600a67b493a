import { AsyncLocalStorage } from 'async_hooks';

export interface WriteContext {
  /** A machine-assisted draft (glossary pretranslation): recorded as such, and exempt from the script check until a person edits it. */
  machineAssisted?: boolean;
  /** A translator delivered this text against the current source (XLIFF import): it is up to date even where unchanged. */
  confirmTranslation?: boolean;
}

const storage = new AsyncLocalStorage<WriteContext>();

export const withWriteContext = <T>(context: WriteContext, fn: () => Promise<T>): Promise<T> => storage.run(context, fn);
export const writeContext = (): WriteContext => storage.getStore() ?? {};
