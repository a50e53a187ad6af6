/** A thread module for the thread pool's tests: it stops without an error before taking any request. */
process.exit(3);
