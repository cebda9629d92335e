/**
 * English strings of the video player's controls (speed, jumps, frame step, timeline).
 * Part of `en` (en.ts).
 */
export const enVideo = {
  videoControls: {
    picture: 'Video',
    back30: 'Back 30 s',
    back30Short: '◂◂ 30 s',
    back5: 'Back 5 s',
    back5Short: '◂ 5 s',
    forward5: 'Forward 5 s',
    forward5Short: '5 s ▸',
    forward30: 'Forward 30 s',
    forward30Short: '30 s ▸▸',
    previousFrame: 'Previous frame',
    previousFrameShort: '◂ Frame',
    nextFrame: 'Next frame',
    nextFrameShort: 'Frame ▸',
    slower: 'Slower',
    faster: 'Faster',
    speed: 'Speed',
    speedNow: 'Speed {{rate}}',
    pauseToStep: 'Pause the video to step one frame at a time.',
    preparingVeiled: 'Preparing the veiled video…',
    preparingOriginal: 'Loading the original video…',
  },
};

export type VideoMessages = typeof enVideo;
