import { describe, expect, it } from 'vitest';
import { desktopTeamShareSecretOptions, safeStorageProtector, type SafeStorageLike } from '../../../../electron/app/secret-protector.js';

/** safeStorage as Electron 45 documents it, per backend and before or after ready. */
function safeStorage(state: { ready: boolean; backend: string }): SafeStorageLike {
  return {
    isEncryptionAvailable: () => state.ready,
    getSelectedStorageBackend: () => (state.ready ? state.backend : 'unknown') as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptString: (text) => Buffer.concat([Buffer.from('v11'), Buffer.from(text).reverse()]),
    decryptString: (sealed) => Buffer.from(sealed.subarray(3)).reverse().toString(),
  };
}

describe('how the desktop app keeps the team-share secret', () => {
  it('seals with safeStorage when a keyring backs it, and opens what it sealed', () => {
    const protector = safeStorageProtector(safeStorage({ ready: true, backend: 'gnome-libsecret' }), 'linux');
    expect(protector?.kind).toBe('safeStorage (gnome-libsecret)');
    const secret = new Uint8Array(32).map((_, i) => i);
    expect(protector?.unprotect(protector.protect(secret))).toEqual(secret);
  });

  it("does not pretend: no protector before ready, nor with Linux's basic_text fallback (a hard-coded password)", () => {
    expect(safeStorageProtector(safeStorage({ ready: false, backend: 'gnome-libsecret' }), 'linux')).toBeNull();
    expect(safeStorageProtector(safeStorage({ ready: true, backend: 'basic_text' }), 'linux')).toBeNull();
    expect(safeStorageProtector(safeStorage({ ready: true, backend: 'basic_text' }), 'darwin')?.kind).toBe('safeStorage');
  });

  it('on Windows keeps the key in %LOCALAPPDATA%\\Veil, which does not roam with the profile', () => {
    const options = desktopTeamShareSecretOptions(
      safeStorage({ ready: true, backend: 'dpapi' }),
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' },
      'C:\\Users\\a',
    );
    expect(options.keyDir).toMatch(/AppData[\\/]Local[\\/]Veil$/);
    expect(options.protector).toBeDefined();
    expect(desktopTeamShareSecretOptions(safeStorage({ ready: true, backend: 'kwallet6' }), 'linux', {}, '/home/a').keyDir).toBeUndefined();
  });
});
