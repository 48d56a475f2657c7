/** Where "now" comes from, so tests can stand on a chosen day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const copenhagenDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day ('YYYY-MM-DD') it is in Denmark at the given instant. */
export function danishDate(instant: Date): string {
  return copenhagenDate.format(instant);
}
