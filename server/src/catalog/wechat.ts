import type { ApiEntry } from './types';

export const wechatApis: ApiEntry[] = [];
