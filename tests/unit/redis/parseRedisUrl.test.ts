import { describe, expect, it } from 'vitest';
import { parseRedisUrl, redisUrlProblem } from '../../../src/redis/parseRedisUrl.ts';

describe('parseRedisUrl', () => {
  it('hands single-server URLs to ioredis unchanged', () => {
    expect(parseRedisUrl('redis://:pw@cache:6380/2')).toEqual({
      kind: 'single',
      url: 'redis://:pw@cache:6380/2',
      tls: false,
    });
    expect(parseRedisUrl('rediss://cache')).toMatchObject({ kind: 'single', tls: true });
  });

  it('reads a Sentinel URL: hosts, master name, database, credentials of both', () => {
    expect(
      parseRedisUrl('redis+sentinel://app:p%40ss%2Fw0rd@s1:26379,s2:26380,s3/mymaster/3?sentinelPassword=s%26p+x'),
    ).toEqual({
      kind: 'sentinel',
      tls: false,
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
        { host: 's3', port: 26379 },
      ],
      masterName: 'mymaster',
      db: 3,
      username: 'app',
      password: 'p@ss/w0rd',
      sentinelUsername: null,
      sentinelPassword: 's&p+x',
      sentinelTls: false,
    });
  });

  it('defaults: database 0, no credentials, TLS from the scheme unless sentinelTls says otherwise', () => {
    expect(parseRedisUrl('redis+sentinel://s1/m')).toMatchObject({ db: 0, username: null, password: null });
    expect(parseRedisUrl('rediss+sentinel://s1/m')).toMatchObject({ tls: true, sentinelTls: true });
    expect(parseRedisUrl('rediss+sentinel://s1/m?sentinelTls=false&sentinelUsername=watch')).toMatchObject({
      tls: true,
      sentinelTls: false,
      sentinelUsername: 'watch',
    });
    expect(parseRedisUrl('redis+sentinel://:tok@s1/m%20x')).toMatchObject({ password: 'tok', masterName: 'm x' });
  });

  it('reads a Cluster URL with IPv6 startup nodes', () => {
    expect(parseRedisUrl('rediss+cluster://u:pw@[::1]:7000,[fe80::2],node-3:7002')).toEqual({
      kind: 'cluster',
      tls: true,
      nodes: [
        { host: '::1', port: 7000 },
        { host: 'fe80::2', port: 6379 },
        { host: 'node-3', port: 7002 },
      ],
      username: 'u',
      password: 'pw',
    });
    expect(parseRedisUrl('redis+cluster://token@n1:7000/')).toMatchObject({ username: null, password: 'token' });
  });

  it('names the problem with a malformed URL', () => {
    const cases: [string, RegExp][] = [
      ['http://x', /does not start with redis/],
      ['REDIS+CLUSTER://n1', /does not start with redis/],
      ['redis://a:1,b:2', /several hosts/],
      ['redis+sentinel://s1:26379', /master name is missing/],
      ['redis+sentinel://s1/m/x', /database number/],
      ['redis+sentinel://s1/m?sentinelpassword=x', /unknown parameter "sentinelpassword"/],
      ['redis+sentinel://s1/m?sentinelTls=yes', /true or false/],
      ['redis+cluster://n1:7000/2', /only database 0/],
      ['redis+cluster://n1:7000?name=x', /takes none/],
      ['redis+cluster://::1:7000', /brackets/],
      ['redis+cluster://[::1:7000', /does not close/],
      ['redis+cluster://n1:0', /valid port/],
      ['redis+cluster://n1:70000', /valid port/],
      ['redis+cluster://n1,,n2', /not a host/],
      ['redis+cluster://', /no host/],
      ['redis+cluster://:p%zz@n1', /malformed %-escape/],
    ];
    for (const [url, problem] of cases) expect(redisUrlProblem(url), url).toMatch(problem);
  });

  it('never echoes a password holding an unencoded reserved character', () => {
    for (const url of [
      'redis+sentinel://:Qx7/Zy9@s1/m',
      'redis+cluster://:Qx7?Zy9@n1',
      'redis+cluster://:Qx7#Zy9@n1',
    ]) {
      const problem = redisUrlProblem(url);
      expect(problem, url).not.toBeNull();
      expect(problem).not.toMatch(/Qx7|Zy9/);
      expect(() => parseRedisUrl(url)).toThrow(expect.objectContaining({ code: 'RedisUrlInvalid' }));
      try {
        parseRedisUrl(url);
      } catch (error) {
        expect((error as Error).message).not.toMatch(/Qx7|Zy9/);
      }
    }
  });
});
