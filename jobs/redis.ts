import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers block on Redis and must wait out a restart rather than fail
 * their commands, hence no per-request retry limit (BullMQ requires it); the retry delay is capped so
 * work resumes within a couple of seconds of Redis coming back.
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // ioredis reports every failed reconnection attempt: say so once per distinct error, not per attempt.
  let last = '';
  redis.on('error', (error: Error) => {
    if (error.message === last) return;
    last = error.message;
    console.error(`redis ${redactedRedisUrl(url)}: ${error.message}`);
  });
  redis.on('ready', () => {
    last = '';
  });
  return redis;
}

/** The URL without its password, for messages. */
export function redactedRedisUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
