import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_NAMES } from '../../../shared/contract.js';
import { traversalAttempts } from './traversal-corpus.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const securityDoc = readFileSync(path.join(REPO_ROOT, 'docs/security.md'), 'utf8');

/** The figures docs/security.md quotes are checked here, so a new request or attempt cannot leave the report stale. */
describe('docs/security.md quotes the figures the tests measure', () => {
  it('states the IPC sender refusals for every request in the contract', () => {
    const senderKinds = 8;
    expect(securityDoc).toContain(`${REQUEST_NAMES.length} requests × ${senderKinds} kinds of sender = ${REQUEST_NAMES.length * senderKinds} refusals`);
  });

  it('states the size of the traversal corpus both adapters face', () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    const count = traversalAttempts({
      imageId: id,
      videoId: id,
      otherCaseImageId: id,
      otherCaseVideoId: id,
      swappedImageId: id,
      swappedVideoId: id,
      swappedFolderImageId: id,
      secretName: 'secret.txt',
      secretPath: '/tmp/secret.txt',
      linkName: 'link.jpg',
    }).length;
    expect(securityDoc).toContain(`It contains ${count} attempts`);
    expect(securityDoc.match(new RegExp(`\\*\\*${count} attempts, ${count} refused\\*\\*`, 'g'))).toHaveLength(2);
  });
});
