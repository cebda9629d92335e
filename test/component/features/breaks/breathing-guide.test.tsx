import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BREATHE_IN_MS, BREATHE_OUT_MS, BreathingGuide } from '../../../../renderer/features/breaks/breathing-guide';
import { EncouragementPhrase, PHRASE_ROTATION_MS } from '../../../../renderer/features/breaks/encouragement-phrase';
import { createFakeVeil } from '../../fakes/fake-veil';
import { renderWithProviders } from '../../render-app';

describe('Breathing guide and encouragement', () => {
  it('says "Breathe in" for 4 s, then "Breathe out" for 6 s', () => {
    vi.useFakeTimers();
    renderWithProviders(<BreathingGuide />, createFakeVeil().client);
    expect(screen.getByText('Breathe in')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(BREATHE_IN_MS - 1);
    });
    expect(screen.getByText('Breathe in')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.getByText('Breathe out')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(BREATHE_OUT_MS);
    });
    expect(screen.getByText('Breathe in')).toBeTruthy();
  });

  it('shows one phrase at a time and moves to the next about every 20 s', () => {
    vi.useFakeTimers();
    renderWithProviders(<EncouragementPhrase phrases={['First.', 'Second.']} />, createFakeVeil().client);
    expect(screen.getByText('First.')).toBeTruthy();
    expect(screen.queryByText('Second.')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(PHRASE_ROTATION_MS);
    });
    expect(screen.getByText('Second.')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(PHRASE_ROTATION_MS);
    });
    expect(screen.getByText('First.')).toBeTruthy();
  });

  it('shows nothing when the user has no phrases in this language', () => {
    const { container } = renderWithProviders(<EncouragementPhrase phrases={[]} />, createFakeVeil().client);
    expect(container.textContent).toBe('');
  });
});
