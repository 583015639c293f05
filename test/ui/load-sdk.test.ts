import { describe, expect, it } from 'vitest';
import { isSandbox, withSandboxParams } from '../../src/board/load-sdk.js';

describe('sandbox detection and panel URL', () => {
  it('is the sandbox only with ?sandbox=1', () => {
    expect(isSandbox('?sandbox=1&user=u1')).toBe(true);
    expect(isSandbox('?sandbox=0')).toBe(false);
    expect(isSandbox('')).toBe(false);
  });

  it('keeps the sandbox flag and the user on the panel URL, and leaves Miro’s URL alone', () => {
    expect(withSandboxParams('panel.html', '?sandbox=1&user=u2')).toBe('panel.html?sandbox=1&user=u2');
    expect(withSandboxParams('panel.html', '')).toBe('panel.html');
    expect(withSandboxParams('panel.html?x=1', '?sandbox=1&user=u3')).toBe('panel.html?x=1&sandbox=1&user=u3');
  });
});
