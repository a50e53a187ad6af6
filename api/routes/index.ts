import type { ApiRoute } from '../route.js';
import { compareRoute } from './compare.js';
import { eventRoute } from './events.js';
import { passagesRoute } from './passages.js';
import { officialsRoute, scoresRoute } from './records.js';
import { regenciesRoute } from './regencies.js';
import { searchRoute } from './search.js';
import { timelineRoute } from './timeline.js';
import { unitBoardRoute, unitRoute } from './units.js';

/** Every data route, in the order the OpenAPI document lists them. */
export const ROUTES: readonly ApiRoute[] = [
  regenciesRoute,
  timelineRoute,
  unitBoardRoute,
  unitRoute,
  eventRoute,
  passagesRoute,
  officialsRoute,
  scoresRoute,
  searchRoute,
  compareRoute,
];
