import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/csp';
import { allowsConnection } from './csp-connect';

const PAGE = 'https://workbench.example';

describe('allowsConnection', () => {
  const policy = contentSecurityPolicy([]);

  it('allows the hub hosts the build lists, this machine on any port and the page itself', () => {
    expect(allowsConnection(policy, 'https://huggingface.co/Xenova/t5-small/resolve/main/config.json', PAGE)).toBe(true);
    expect(allowsConnection(policy, 'https://cdn-lfs.hf.co/x', PAGE)).toBe(true);
    expect(allowsConnection(policy, 'http://127.0.0.1:4174/org/m/resolve/main/x', PAGE)).toBe(true);
    expect(allowsConnection(policy, `${PAGE}/models/doodle-cnn/config.json`, PAGE)).toBe(true);
  });

  it('refuses a hub on another host, the wrong scheme or a look-alike domain', () => {
    expect(allowsConnection(policy, 'https://hub.example.org/org/m', PAGE)).toBe(false);
    expect(allowsConnection(policy, 'http://huggingface.co/org/m', PAGE)).toBe(false);
    expect(allowsConnection(policy, 'https://evilhf.co/x', PAGE)).toBe(false);
    expect(allowsConnection(policy, 'not a url', PAGE)).toBe(false);
  });

  it('allows a host added at build time, and everything when there is no policy', () => {
    expect(allowsConnection(contentSecurityPolicy(['https://hub.example.org']), 'https://hub.example.org/org/m', PAGE)).toBe(true);
    expect(allowsConnection('', 'https://hub.example.org/org/m', PAGE)).toBe(true);
    expect(allowsConnection("default-src 'self'", 'https://hub.example.org/x', PAGE)).toBe(false);
  });
});
