import { describe, expect, it } from 'vitest';
import { CategoriseArgsSchema } from '../../../../shared/review/review-contract.js';

const base = { caseId: 'case-0001', itemId: 'item-0001', category: '0' };

describe('the reason sent with a change of a hash set’s category', () => {
  it('is optional, and trimmed when given', () => {
    expect(CategoriseArgsSchema.parse(base)).toEqual(base);
    expect(CategoriseArgsSchema.parse({ ...base, reason: '  Adult, age confirmed \n' }).reason).toBe('Adult, age confirmed');
  });

  it('is refused blank, under 3 or over 500 characters once trimmed, or with control characters; line breaks are plain text', () => {
    for (const reason of ['', '   ', ' ab ', 'x'.repeat(501), 'bell\u0007here', 'escape\u001b[31m'])
      expect(CategoriseArgsSchema.safeParse({ ...base, reason }).success).toBe(false);
    expect(CategoriseArgsSchema.parse({ ...base, reason: 'x'.repeat(500) }).reason).toHaveLength(500);
    expect(CategoriseArgsSchema.parse({ ...base, reason: 'line one\nline two' }).reason).toBe('line one\nline two');
    // Counted as characters, as the workspace's CHECK counts them: two emoji are 4 UTF-16 units but 2 characters.
    expect(CategoriseArgsSchema.safeParse({ ...base, reason: '😀😀' }).success).toBe(false);
    expect(CategoriseArgsSchema.parse({ ...base, reason: '😀😀😀' }).reason).toBe('😀😀😀');
  });
});
