import { describe, expect, it } from 'vitest';
import { markNoticeRead, NOTICE_STORAGE_KEY, noticeRead } from '../../src/ui/notice-pref.js';

describe('the data notice, read on this device', () => {
  it('is unread until marked, then read; a storage that throws or is missing reads as unread', () => {
    const m = new Map<string, string>();
    const s = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(noticeRead(s)).toBe(false);
    markNoticeRead(s);
    expect(noticeRead(s)).toBe(true);
    m.set(NOTICE_STORAGE_KEY, '0'); // an older notice's mark: read the new one
    expect(noticeRead(s)).toBe(false);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(noticeRead(broken)).toBe(false);
    expect(() => markNoticeRead(broken)).not.toThrow();
    expect(noticeRead(undefined)).toBe(false);
  });
});
