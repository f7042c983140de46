// The field rules Setup shows beside each field and main checks on every save: one sentence per field, quoting its own vendor's example.
import { describe, expect, it } from 'vitest';
import {
  charthopBaseUrlProblem,
  charthopOrgProblem,
  leverBaseUrlProblem,
  localtunnelHostProblem,
  profileNameProblem,
  publicUrlProblem,
  secretValueProblem,
} from '../../src/shared/settings/field-rules.ts';

describe('API base URLs', () => {
  it('accept https:// and http:// on this machine only', () => {
    for (const ok of ['https://api.lever.co/v1', 'http://127.0.0.1:8080/v1', 'http://localhost/v1', 'http://[::1]:9/v1'])
      expect(leverBaseUrlProblem(ok)).toBeNull();
    expect(charthopBaseUrlProblem('https://api.charthop.com')).toBeNull();
    expect(leverBaseUrlProblem('http://lever-proxy.example/v1')).toMatch(
      /^The Lever API base URL must start with https:\/\/ .*change it to https:\/\/lever-proxy\.example\/v1\.$/,
    );
    expect(charthopBaseUrlProblem('http://api.charthop.com')).toMatch(/^The ChartHop base URL must start with https:\/\//);
  });

  it('quote each vendor’s own example, never the other’s', () => {
    expect(leverBaseUrlProblem('not a url')).toBe(
      'The Lever API base URL must be a full address starting with https://, for example https://api.lever.co/v1.',
    );
    expect(charthopBaseUrlProblem('api.charthop.com')).toBe(
      'The ChartHop base URL must be a full address starting with https://, for example https://api.charthop.com.',
    );
    expect(charthopBaseUrlProblem('')).toBe('Enter the ChartHop base URL, for example https://api.charthop.com.');
    expect(leverBaseUrlProblem('ftp://api.lever.co')).toContain('https://api.lever.co/v1');
  });
});

describe('the ChartHop org', () => {
  it('is an id or slug', () => {
    for (const ok of ['acme', 'acme-corp', 'Acme_Corp', '5f3c9a2b1d4e', 'acme.eu']) expect(charthopOrgProblem(ok)).toBeNull();
  });

  it('refuses blank, spaces, slashes and ".."', () => {
    expect(charthopOrgProblem('  ')).toMatch(/^Enter the ChartHop org: its id or slug, the part after app\.charthop\.com\//);
    for (const bad of ['acme corp', 'acme/jobs', '../acme', 'acme..x', 'https://app.charthop.com/acme']) {
      expect(charthopOrgProblem(bad), bad).toMatch(/^The ChartHop org is an id or slug .*no spaces, slashes or “\.\.”/);
    }
    expect(charthopOrgProblem('a'.repeat(81))).toMatch(/at most 80 characters/);
  });
});

describe('the webhook addresses', () => {
  it('a public address is https:// without a query, fragment or user name', () => {
    expect(publicUrlProblem('https://hooks.example.com')).toBeNull();
    expect(publicUrlProblem('https://hooks.example.com/reqbridge')).toBeNull();
    for (const bad of ['https://hooks.example.com/?token=1', 'https://hooks.example.com/#x', 'https://user:pw@hooks.example.com']) {
      expect(publicUrlProblem(bad), bad).toMatch(
        /without a query \(\?…\), fragment \(#…\) or user name, for example https:\/\/hooks\.example\.com/,
      );
    }
    expect(publicUrlProblem('http://hooks.example.com')).toMatch(/^Lever only calls https:\/\/ addresses/);
    expect(publicUrlProblem('http://127.0.0.1:4000')).toBeNull();
    expect(publicUrlProblem('')).toMatch(/^Enter the public address/);
  });

  it('the localtunnel server is optional, and https:// when given', () => {
    expect(localtunnelHostProblem('')).toBeNull();
    expect(localtunnelHostProblem('https://localtunnel.me')).toBeNull();
    expect(localtunnelHostProblem('http://tunnels.example')).toMatch(/^The localtunnel server must start with https:\/\//);
  });
});

describe('names and pasted values', () => {
  it('a profile name says its length once over 60 characters', () => {
    expect(profileNameProblem('Acme')).toBeNull();
    expect(profileNameProblem('x'.repeat(60))).toBeNull();
    expect(profileNameProblem('x'.repeat(61))).toBe('The name is 61 characters; keep it to 60 or fewer.');
    expect(profileNameProblem('   ')).toMatch(/^Give the profile a name/);
  });

  it('a pasted value longer than any key says what to do, without echoing it', () => {
    const pasted = 'k'.repeat(5000);
    const problem = secretValueProblem(pasted);
    expect(problem).toBe('That is 5,000 characters, longer than any key or token. Copy only the key itself and paste it again.');
    expect(secretValueProblem('lvr_short_key')).toBeNull();
  });
});
