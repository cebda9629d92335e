import { describe, expect, it, vi } from 'vitest';
import { createKnownMatcher } from '../../../../../electron/services/known/known-matcher.js';
import type { KnownMatch } from '../../../../../shared/known/hash-set-contract.js';

const DIGESTS = { md5: 'a'.repeat(32), sha1: 'b'.repeat(40), sha256: 'c'.repeat(64) };
const match = (setId: number, category: string | null): KnownMatch => ({ setId, setName: `Set ${setId}`, scheme: 'vic-us', category, matchedBy: 'md5' });

describe('createKnownMatcher', () => {
  it('labels an item known by several sets with the oldest set that gives a category', () => {
    const matcher = createKnownMatcher({ lookup: () => [match(1, null), match(5, '2'), match(3, '1')] }, { notify: vi.fn(), onReadableAgain: vi.fn() });
    expect(matcher(DIGESTS)).toEqual({ type: 'known', setId: 3, setName: 'Set 3', scheme: 'vic-us', category: '1', matchedBy: 'md5' });
    expect(createKnownMatcher({ lookup: () => [] }, { notify: vi.fn(), onReadableAgain: vi.fn() })(DIGESTS)).toBeNull();
  });

  it('lists items unchecked when the library cannot be read, says so once, and has them matched once it can be read again', () => {
    let broken = true;
    const notify = vi.fn();
    const onReadableAgain = vi.fn();
    const matcher = createKnownMatcher(
      {
        lookup: () => {
          if (broken) throw new Error('SQLITE_CANTOPEN: unable to open database file');
          return [];
        },
      },
      { notify, onReadableAgain },
    );
    expect(matcher(DIGESTS)).toBeNull();
    expect(matcher(DIGESTS)).toBeNull();
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith({ code: 'known-library-unreadable', detail: 'SQLITE_CANTOPEN: unable to open database file', keptAs: null });
    broken = false;
    matcher(DIGESTS);
    matcher(DIGESTS);
    // The items listed while it could not be read are matched again, once.
    expect(onReadableAgain).toHaveBeenCalledTimes(1);
    broken = true;
    matcher(DIGESTS);
    expect(notify).toHaveBeenCalledTimes(2);
  });
});
