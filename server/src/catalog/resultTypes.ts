import type { TypeEntry } from './types';

export const resultTypes: TypeEntry[] = [];
