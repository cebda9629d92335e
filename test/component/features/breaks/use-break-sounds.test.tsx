import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { BreakView } from '../../../../shared/breaks/break-view.js';
import { useBreakSounds } from '../../../../renderer/features/breaks/use-break-sounds';

type Phase = BreakView['phase'] | null;

function follow(phases: Phase[], enabled: boolean) {
  const play = vi.fn();
  const { rerender } = renderHook(({ phase }: { phase: Phase }) => useBreakSounds(phase, enabled, play), { initialProps: { phase: phases[0] ?? null } });
  for (const phase of phases.slice(1)) rerender({ phase });
  return play;
}

describe('Break sounds', () => {
  it('are silent unless turned on', () => {
    expect(follow(['working', 'warning', 'due', 'on-break', 'working'], false)).not.toHaveBeenCalled();
  });

  it('mark the notice, the start and the end of a break once each when turned on', () => {
    expect(follow(['working', 'warning', 'due', 'on-break', 'on-break', 'working'], true)).toHaveBeenCalledTimes(3);
  });

  it('do not play for the first view after start-up', () => {
    expect(follow([null, 'on-break'], true)).not.toHaveBeenCalled();
  });
});
