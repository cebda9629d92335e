/** A short, quiet sine tone (about 0.6 s, fading in and out), so a break is marked without alarm. */
const TONE_HZ = 396;
const TONE_SEC = 0.6;
const PEAK_GAIN = 0.05;

/**
 * Plays the tone with WebAudio when the page has it; does nothing otherwise (tests,
 * or an audio device that refuses). Never loud, never repeated: only called when the
 * user has turned break sounds on.
 */
export function playSoftTone(): void {
  if (typeof AudioContext !== 'function') return;
  try {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime;
    oscillator.type = 'sine';
    oscillator.frequency.value = TONE_HZ;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(PEAK_GAIN, start + TONE_SEC / 3);
    gain.gain.linearRampToValueAtTime(0, start + TONE_SEC);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + TONE_SEC);
    oscillator.onended = () => void context.close();
  } catch {
    // No sound is the safe failure.
  }
}
