import { describe, expect, it } from 'vitest';
import { classifyReport, reportedRevealMode, sameClass } from '../../../../shared/exposure/classify.js';
import { report } from './timeline.js';

describe('classifyReport', () => {
  it('counts nothing when no media is painted or the page is hidden', () => {
    expect(classifyReport(report(1, {}))).toBeNull();
    expect(classifyReport(report(1, { viewer: {} }, { pageVisible: false }))).toBeNull();
  });

  it('labels time with only grid thumbnails as grid time, and the storyboard as viewer time', () => {
    expect(classifyReport(report(1, { grid: {} }))?.surface).toBe('grid');
    expect(classifyReport(report(1, { storyboard: {} }))?.surface).toBe('viewer');
    expect(classifyReport(report(1, { grid: {}, viewer: {} }))?.surface).toBe('viewer');
  });

  it('takes the most exposing filter among the surfaces on screen', () => {
    expect(
      classifyReport(
        report(1, {
          grid: { greyscale: true, blur: 'light', reveal: 'none' },
          viewer: { greyscale: false, blur: 'strong', reveal: 'spotlight' },
          storyboard: { greyscale: true, blur: 'medium', reveal: 'whole' },
        }),
      ),
    ).toEqual({ surface: 'viewer', greyscale: false, blur: 'light', reveal: 'whole', audio: false });
    expect(classifyReport(report(1, { grid: { blur: 'off' }, viewer: { blur: 'strong' } }))?.blur).toBe('off');
    expect(classifyReport(report(1, { grid: {}, viewer: {} }))?.greyscale).toBe(true);
  });

  it('counts audio only for a playing, audible video with a viewer surface on screen', () => {
    const audio = (playing: boolean, audible: boolean, surface: 'viewer' | 'grid' | 'storyboard'): boolean | undefined =>
      classifyReport(report(1, { [surface]: {} }, { video: { playing, audible } }))?.audio;
    expect(audio(true, true, 'viewer')).toBe(true);
    expect(audio(true, true, 'storyboard')).toBe(true);
    expect(audio(true, false, 'viewer')).toBe(false);
    expect(audio(false, true, 'viewer')).toBe(false);
    expect(audio(true, true, 'grid')).toBe(false);
    expect(classifyReport(report(1, { viewer: {} }, { video: null }))?.audio).toBe(false);
  });
});

describe('reportedRevealMode', () => {
  it('is the strongest reveal listed, whether or not the page is visible', () => {
    expect(reportedRevealMode(report(1, {}))).toBe('none');
    expect(reportedRevealMode(report(1, { grid: {}, viewer: { reveal: 'spotlight' } }))).toBe('spotlight');
    expect(reportedRevealMode(report(1, { viewer: { reveal: 'spotlight' }, storyboard: { reveal: 'whole' } }, { pageVisible: false }))).toBe('whole');
  });
});

describe('sameClass', () => {
  it('tells apart classes that differ in any field', () => {
    const base = { surface: 'viewer', greyscale: true, blur: 'strong', reveal: 'none', audio: false } as const;
    expect(sameClass(base, { ...base })).toBe(true);
    for (const change of [{ surface: 'grid' }, { greyscale: false }, { blur: 'off' }, { reveal: 'whole' }, { audio: true }] as const) {
      expect(sameClass(base, { ...base, ...change })).toBe(false);
    }
  });
});
