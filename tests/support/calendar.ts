import ICAL from 'ical.js';

/** One event of an iCalendar feed, as a real iCalendar parser (ical.js) reads it. */
export interface FeedEvent {
  uid: string;
  summary: string;
  location: string;
  start: Date;
  end: Date;
  stamp: Date;
}

/**
 * Parses an iCalendar text (RFC 5545) with ical.js and checks what every calendar program relies on:
 * CRLF line endings, lines folded to at most 75 octets, a VCALENDAR with VERSION and PRODID, and
 * for each VEVENT a UID and a DTSTAMP.
 */
export function readFeed(text: string): { name: string | null; events: FeedEvent[] } {
  const lines = text.split('\r\n');
  if (lines.some((line) => line.includes('\n'))) throw new Error('a line ends without CR');
  const long = lines.find((line) => Buffer.byteLength(line, 'utf8') > 75);
  if (long) throw new Error(`a line longer than 75 octets: ${long}`);
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`not a calendar: ${calendar.name}`);
  if (calendar.getFirstPropertyValue('version') !== '2.0') throw new Error('VERSION is not 2.0');
  if (!calendar.getFirstPropertyValue('prodid')) throw new Error('no PRODID');
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const stamp = component.getFirstPropertyValue('dtstamp');
    if (!event.uid || !(stamp instanceof ICAL.Time)) throw new Error('an event without UID or DTSTAMP');
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location ?? '',
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      stamp: stamp.toJSDate(),
    };
  });
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  return { name: typeof name === 'string' ? name : null, events };
}
