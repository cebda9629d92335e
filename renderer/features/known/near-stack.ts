import type { TFunction } from 'i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';

/** The item's stack holds more files than itself and its identical copies: near copies too. */
export function hasNearCopies(item: Pick<MediaItem, 'stackSize' | 'duplicatePaths'>): boolean {
  return item.stackSize > 1 + item.duplicatePaths.length;
}

/** A stack's member as listStackMembers gives it, representative first. */
interface StackMember {
  item: MediaItem;
  distanceBits: number;
}

/**
 * Every file of a near stack as words, in the order the back end lists the members: each
 * member's path with what it is (the one shown for the stack, a near copy and how near, a
 * known file), each followed by its identical copies. `key` is unique within the stack.
 */
export function stackMemberLines(t: TFunction, members: readonly StackMember[]): { key: string; text: string }[] {
  const relationOf = (member: MediaItem, distanceBits: number, at: number): string => {
    if (member.match?.type === 'known') return t('stacks.known');
    return at === 0 ? t('stacks.shown') : t('stacks.nearCopy', { distance: distanceBits });
  };
  return members.flatMap(({ item: member, distanceBits }, at) => [
    { key: member.relativePath, text: t('stacks.memberLine', { path: member.relativePath, relation: relationOf(member, distanceBits, at) }) },
    ...member.duplicatePaths.map((copyPath) => ({ key: copyPath, text: t('stacks.memberLine', { path: copyPath, relation: t('stacks.exactCopy') }) })),
  ]);
}
