// safeStorage: a reversible scramble standing in for the keyring, with the keyring's moods in mock.state.safe.
import { vi } from 'vitest';
import { mock } from './state.js';

const MAGIC = Buffer.from('mock-v10:');
const scramble = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
export const safeStorage = {
  getSelectedStorageBackend: vi.fn(() => mock.state.safe.backend),
  isAsyncEncryptionAvailable: vi.fn(async () => {
    if (mock.state.safe.unavailableAnswers > 0) {
      mock.state.safe.unavailableAnswers--;
      return false;
    }
    return mock.state.safe.available;
  }),
  isEncryptionAvailable: vi.fn(() => mock.state.safe.available),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.concat([MAGIC, scramble(Buffer.from(text, 'utf8'))])),
  decryptStringAsync: vi.fn(async (data: Buffer) => {
    if (mock.state.safe.decryptFailures > 0) {
      mock.state.safe.decryptFailures--;
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Ciphertext is not from this keyring.');
    return { result: scramble(data.subarray(MAGIC.length)).toString('utf8'), shouldReEncrypt: mock.state.safe.shouldReEncrypt };
  }),
};
