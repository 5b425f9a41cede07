// A stand-in for `almanac run` in tests: runs the site build of the report bundles under argv[2] in its build
// child, so a test can SIGKILL this parent mid-build and watch what the child does.
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { runBuildInChild } from '../../../src/schedule/runBuildInChild.ts';
import { siteOptions } from '../../e2e/buildFixtureSite.ts';

const { logger: _logger, now, ...options } = siteOptions(process.argv[2]!, true);
await runBuildInChild({ ...options, nowMs: now().getTime() }, silentLogger, new AbortController().signal);
