import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { useQuery } from '../../hooks/use-query';
import { useFormatters } from '../../i18n/format';
import { stackMemberLines } from '../known/near-stack';

/**
 * A near stack's files on one line of a text-only row, as the viewer lists them
 * (StackMembers): the file shown for the stack, each near copy and how near, known files,
 * and their identical copies. Words only: text-only mode shows no picture of any of them.
 */
export function TextOnlyStack({ caseId, item }: { caseId: string; item: MediaItem }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const format = useFormatters();
  const client = useVeil();
  // The stack's size and representative are in the key: a member joining (another PDQ hash arrived), or another
  // member coming to represent it (a larger picture's size learnt, a match found), lists the stack again.
  const { state } = useQuery([client, caseId, item.id, item.stackId, item.stackSize], () => client.call('listStackMembers', { caseId, itemId: item.id }));
  const heading = t('stacks.membersHeading', { count: item.stackSize, formatted: format.count(item.stackSize) });
  if (state.status === 'failed') return <span className="text-item-meta text-item-error">{t('stacks.loadFailed', { message: errorText(state.error) })}</span>;
  const text =
    state.status === 'ready'
      ? `${heading} ${stackMemberLines(t, state.data)
          .map((line) => line.text)
          .join(', ')}`
      : heading;
  return (
    <span className="text-item-meta" title={text}>
      {text}
    </span>
  );
}
