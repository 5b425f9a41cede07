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

  it('hides credentials of Sentinel and Cluster URLs, secret query parameters included', () => {
    expect(
      redactUrl('redis+sentinel://app:p%40ss@s1:26379,[::1]:26380/mymaster/2?sentinelPassword=s%26p&sentinelTls=true'),
    ).toBe('redis+sentinel://app:***@s1:26379,[::1]:26380/mymaster/2?sentinelPassword=***&sentinelTls=true');
    expect(redactUrl('rediss+sentinel://s1/m?sentinelUsername=w&sentinelPassword=x+y')).toBe(
      'rediss+sentinel://s1/m?sentinelUsername=w&sentinelPassword=***',
    );
    expect(redactUrl('rediss+cluster://:pw@n1:7000,n2:7001')).toBe('rediss+cluster://:***@n1:7000,n2:7001');
    expect(redactUrl('redis+cluster://tok@n1,n2')).toBe('redis+cluster://***@n1,n2');
    expect(redactUrl('redis://cache:6379?password=hunter2&db=1')).toBe('redis://cache:6379?password=***&db=1');
  });

  it('hides a password holding unencoded reserved characters', () => {
    for (const url of [
      'redis://:Qx7/Zy9@h:1',
      'redis+sentinel://u:Qx7?Zy9@s1/m',
      'redis://:Qx7@Zy9@h',
      'redis://:Qx7#Zy9@h',
    ]) {
      expect(redactUrl(url), url).not.toMatch(/Qx7|Zy9/);
    }
  });

  it('masks credentials inside free text', () => {
    expect(redactSecretsIn('connect to redis://a:b@h:1 and smtp://u:p@m:25 failed')).toBe(
      'connect to redis://a:***@h:1 and smtp://u:***@m:25 failed',
    );
    expect(redactUrl('not a url with redis://x:y@z')).toBe('not a url with redis://x:***@z');
    expect(redactSecretsIn('failed: redis+sentinel://:pw@s1,s2/m?sentinelPassword=sp&x=1 down')).toBe(
      'failed: redis+sentinel://:***@s1,s2/m?sentinelPassword=***&x=1 down',
    );
  });
});
