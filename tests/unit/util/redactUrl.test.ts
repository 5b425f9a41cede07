import { describe, expect, it } from 'vitest';
import { redactSecretsIn, redactUrl } from '../../../src/util/redactUrl.ts';

describe('redactUrl', () => {
  it('hides the password and keeps everything else', () => {
    expect(redactUrl('redis://user:s3cr3t@cache.internal:6380/2')).toBe('redis://user:***@cache.internal:6380/2');
    expect(redactUrl('rediss://:s3cr3t@cache:6379')).toBe('rediss://:***@cache:6379');
    expect(redactUrl('smtp://mailer:p%40ss@mail:587')).toBe('smtp://mailer:***@mail:587');
  });

  it('hides a lone user name used as a token', () => {
    expect(redactUrl('redis://tokenvalue@cache:6379')).toBe('redis://***@cache:6379');
  });

  it('leaves URLs without credentials alone', () => {
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('masks credentials inside free text', () => {
    expect(redactSecretsIn('connect to redis://a:b@h:1 and smtp://u:p@m:25 failed')).toBe(
      'connect to redis://a:***@h:1 and smtp://u:***@m:25 failed',
    );
    expect(redactUrl('not a url with redis://x:y@z')).toBe('not a url with redis://x:***@z');
  });
});
