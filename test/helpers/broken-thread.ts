/** A thread module for the thread pool's tests: it fails while loading, as a module with a bad import would. */
throw new Error('this thread module cannot load');
