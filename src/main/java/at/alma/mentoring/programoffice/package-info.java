/**
 * The program office: funnel, durations, meetings, feedback and mentor load for a period,
 * the monthly series, the stalled mentorships, and the program report (PDF, CSV) for
 * admins. A reporting module: it reads the tables of the mentorship, meeting, feedback,
 * member and notification modules with its own read-only SQL (aggregates and window
 * functions computed by the database, never loading rows into Java) and writes nothing;
 * open steps come from the workflow module's API.
 */
package at.alma.mentoring.programoffice;
