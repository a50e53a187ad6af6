#!/usr/bin/env node
// The zi command. The project is TypeScript run through tsx, so the CLI and the tests run the same source.
import { register } from 'tsx/esm/api';

register();
await import('../pipeline/cli.ts');
