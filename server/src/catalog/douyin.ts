import type { ApiEntry } from './types';

export const douyinApis: ApiEntry[] = [];
