/** Small wording helpers shared by the list pages (durations: src/tracker/durations.ts). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
