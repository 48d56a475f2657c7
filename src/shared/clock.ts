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

/** The instant a Danish calendar day ('YYYY-MM-DD') begins. */
export function startOfDanishDay(day: string): Date {
  // Denmark is UTC+1 or UTC+2; find which from the wall clock at noon UTC that day.
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(
      noonUtc,
    ),
  );
  return new Date(`${day}T00:00:00+0${hour - 12}:00`);
}
