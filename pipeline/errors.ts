/** An input that can never be read as it is (empty, binary, truncated, no article): report it and go on. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly source: string,
    /** What is wrong with it, without the source's name. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${reason}`, options);
  }
}

/** The store cannot be used (corrupt, locked, newer schema): stop, nothing half-written. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A command's arguments or configuration are wrong: tell the user which one. */
export class UsageError extends Error {
  override name = 'UsageError';
}
