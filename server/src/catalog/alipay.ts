import type { ApiEntry } from './types';

export const alipayApis: ApiEntry[] = [];
