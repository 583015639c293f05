/**
 * Whether this person has read the data notice on this device (localStorage); a storage that
 * throws or is missing reads as not read, so the notice shows rather than hides.
 */
type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

export const NOTICE_STORAGE_KEY = 'tryghed.notice.read';
/** Raised when what the notice says changes, so everyone reads it again. */
export const NOTICE_VERSION = '1';

export function noticeRead(storage: KeyValue | undefined): boolean {
  try {
    return storage?.getItem(NOTICE_STORAGE_KEY) === NOTICE_VERSION;
  } catch {
    return false;
  }
}

export function markNoticeRead(storage: KeyValue | undefined): void {
  try {
    storage?.setItem(NOTICE_STORAGE_KEY, NOTICE_VERSION);
  } catch {
    /* shown again next time: better than never */
  }
}
