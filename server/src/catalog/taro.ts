import type { ApiEntry } from './types';

export const taroApis: ApiEntry[] = [];
