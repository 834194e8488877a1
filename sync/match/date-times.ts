const times = new Map<string, number>();

/** `Date.parse` of a date string, remembered: the same few dates (proposal anchors, meeting dates) come up again and again. */
export function timeOf(date: string): number {
  let time = times.get(date);
  if (time === undefined) times.set(date, (time = Date.parse(date)));
  return time;
}
