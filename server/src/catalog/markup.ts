import type { MarkupAttributeEntry } from './types';

export const markupAttributes: MarkupAttributeEntry[] = [];
