/** A thread module for the thread pool's tests: answers a request with its text, and stops on "stop". */
import { parentPort } from 'node:worker_threads';
import { answerRequests } from '../../pipeline/thread-pool.js';

if (parentPort)
  answerRequests(parentPort, (text: string) => {
    if (text === 'stop') process.exit(1);
    return text.toUpperCase();
  });
