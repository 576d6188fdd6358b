// Reads the calendar files CalendarSamplesTests left in a folder with ical.js, a parser that shares nothing with the
// server's ical4j, and checks what calendar apps rely on: lines of at most 75 octets ending in CRLF, METHOD, one
// stable UID with a rising SEQUENCE, every TZID defined by a VTIMEZONE, the start that VTIMEZONE gives equal to the
// instant the server meant, the feed's name. Usage: node check.mjs DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';

const dir = process.argv[2];
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
let failures = 0;
const fail = (file, message) => {
  failures++;
  console.log(`FAIL ${file}: ${message}`);
};

function read(file) {
  const bytes = readFileSync(join(dir, file));
  const text = bytes.toString('utf8');
  if (!text.endsWith('\r\n')) fail(file, 'does not end with CRLF');
  if (/[^\r]\n/.test(text)) fail(file, 'a line ends with LF alone');
  text.split('\r\n').forEach((line, i) => {
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > 75) fail(file, `line ${i + 1} has ${octets} octets: ${line}`);
  });
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = new Map();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    zones.set(zone.tzid, zone);
  }
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    for (const name of ['dtstart', 'dtend']) {
      const tzid = vevent.getFirstProperty(name).getParameter('tzid');
      if (tzid && !zones.has(tzid)) fail(file, `${name} names TZID ${tzid} without a VTIMEZONE`);
    }
    const start = vevent.getFirstPropertyValue('dtstart');
    const tzid = vevent.getFirstProperty('dtstart').getParameter('tzid');
    if (tzid && zones.has(tzid)) start.zone = zones.get(tzid);
    return {
      uid: vevent.getFirstPropertyValue('uid'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      start: start.toJSDate().toISOString().replace('.000Z', 'Z'),
    };
  });
  return { calendar, events };
}

for (const [reader, { invitations, feed }] of Object.entries(expected)) {
  const previous = new Map();
  for (const want of invitations) {
    const { calendar, events } = read(want.file);
    const method = calendar.getFirstPropertyValue('method');
    if (method !== want.method) fail(want.file, `METHOD ${method}, expected ${want.method}`);
    if (events.length !== 1) fail(want.file, `${events.length} events`);
    const [event] = events;
    if (event.uid !== want.uid) fail(want.file, `UID ${event.uid}, expected ${want.uid}`);
    if (event.sequence !== want.sequence) fail(want.file, `SEQUENCE ${event.sequence}, expected ${want.sequence}`);
    if (previous.has(event.uid) && event.sequence <= previous.get(event.uid)) {
      fail(want.file, `SEQUENCE ${event.sequence} after ${previous.get(event.uid)} for ${event.uid}`);
    }
    previous.set(event.uid, event.sequence);
    const startWanted = want.start.replace(/\.\d+Z$/, 'Z');
    if (event.start !== startWanted) fail(want.file, `starts ${event.start} by its VTIMEZONE, meant ${startWanted}`);
    console.log(`ok ${want.file}: ${method} SEQUENCE ${event.sequence} ${event.start}`);
  }
  const moved = invitations.filter((want) => want.uid === invitations[0].uid);
  if (moved.length < 2) fail(reader, 'the scripted meeting was moved, but its UID changed');
  const { calendar, events } = read(feed.file);
  if (calendar.getFirstPropertyValue('method') !== 'PUBLISH') fail(feed.file, 'METHOD is not PUBLISH');
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  if (name !== feed.name) fail(feed.file, `X-WR-CALNAME ${name}, expected ${feed.name}`);
  const starts = events.map((event) => event.start);
  if (JSON.stringify(starts) !== JSON.stringify(feed.starts)) fail(feed.file, `starts ${starts}, expected ${feed.starts}`);
  console.log(`ok ${feed.file}: "${name}", ${events.length} event(s)`);
}
if (failures) {
  console.log(`${failures} failure(s)`);
  process.exit(1);
}
console.log('PASS');
