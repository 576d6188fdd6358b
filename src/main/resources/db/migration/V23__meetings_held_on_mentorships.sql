-- The held meetings as the mentorship module knows them (MentorshipDirectory.recordMeetingHeld, called in the
-- transaction that makes a meeting HELD): how many, the start of the first one held since the mentorship became
-- active (what the program office's "approval to first held meeting" measures), and when the last one became HELD.
-- The program office's figures read these columns instead of grouping the meetings table.
alter table mentorships add column meetings_held integer default 0 not null;
alter table mentorships add column first_meeting_held_at datetime(6);
alter table mentorships add column last_meeting_held_at datetime(6);

update mentorships
set meetings_held = (select count(*) from meetings h where h.mentorship_id = mentorships.id and h.status = 'HELD'),
    first_meeting_held_at = (select min(h.starts_at) from meetings h
                             where h.mentorship_id = mentorships.id and h.status = 'HELD'
                               and h.starts_at >= mentorships.activated_at),
    last_meeting_held_at = (select max(h.mentor_confirmed_at) from meetings h
                            where h.mentorship_id = mentorships.id and h.status = 'HELD');
