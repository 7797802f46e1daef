/** "yyyy-MM-dd HH:mm:ss" of UNIX seconds at a UTC offset (minutes east), the way the sidebars show times. */
export function formatWallClock(sec: number, offsetMinutes: number): string {
  return new Date((sec + offsetMinutes * 60) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}
