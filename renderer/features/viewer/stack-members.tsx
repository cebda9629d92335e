import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../../shared/case/media-item.js';
import type { FilterProfile } from '../../../shared/media/filter-profile.js';
import { useVeil } from '../../api/api';
import { useErrorText } from '../../app/error-message';
import { useFormatters } from '../../i18n/format';
import { useQuery } from '../../hooks/use-query';
import { isHiddenKnown } from '../known/known-item';
import { stackMemberLines } from '../known/near-stack';

/** Thumbnails of near copies are asked for only on request, and then veiled as strongly as Veil can. */
const NEAR_COPY_PROFILE: FilterProfile = { greyscale: true, blur: 'strong', style: 'blur' };

/**
 * Every file of the near-duplicate stack an item belongs to, as text: each member's path with
 * what it is (the one shown for the stack, a near copy and how near, a known file), then its
 * exact copies. Thumbnails of the near copies come only when the investigator asks, veiled;
 * a known file the investigator has not chosen to see never gets one.
 */
export function StackMembers({ caseId, item, knownShown }: { caseId: string; item: MediaItem; knownShown: boolean }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const format = useFormatters();
  const client = useVeil();
  const [thumbnails, setThumbnails] = useState(false);
  // The stack's size and representative are in the key: a member joining (another PDQ hash arrived), or another
  // member coming to represent it (a larger picture's size learnt, a match found), lists the stack again.
  const { state } = useQuery([client, caseId, item.id, item.stackId, item.stackSize], () => client.call('listStackMembers', { caseId, itemId: item.id }));
  const heading = t('stacks.membersHeading', { count: item.stackSize, formatted: format.count(item.stackSize) });

  if (state.status === 'failed') return <p role="alert">{t('stacks.loadFailed', { message: errorText(state.error) })}</p>;
  if (state.status !== 'ready') return null;
  const members = state.data;
  const withThumbnails = members.filter(({ item: member }) => member.id !== item.id && !isHiddenKnown(member, knownShown));
  return (
    <div className="item-copies">
      <span>{heading}</span>
      {/* Scrolls past three paths, as the list of identical copies does; focusable to scroll by keyboard. */}
      <ul className="item-copies-list" tabIndex={0} aria-label={heading}>
        {stackMemberLines(t, members).map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
      {withThumbnails.length > 0 && (
        <button type="button" className="button button-small" aria-expanded={thumbnails} onClick={() => setThumbnails((shown) => !shown)}>
          {thumbnails ? t('stacks.hideThumbnails') : t('stacks.showThumbnails')}
        </button>
      )}
      {thumbnails && (
        <ul className="stack-thumbnails">
          {withThumbnails.map(({ item: member }) => (
            <li key={member.id}>
              <img
                src={client.mediaUrl({ itemId: member.id, kind: 'thumb', ...NEAR_COPY_PROFILE })}
                alt={t('stacks.thumbnailAlt', { path: member.relativePath })}
                width={96}
                height={96}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
