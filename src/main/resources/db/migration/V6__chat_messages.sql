-- Chat: the messages of a conversation and each participant's read and digest marks. Message ids are a sequence
-- (bigint auto_increment): they order a conversation even where datetime values lose their fractions (MySQL URLs
-- send whole seconds) and make a cheap keyset cursor.
create table chat_messages (
    id             bigint         not null auto_increment,
    mentorship_id  char(36)       not null,
    sender_id      char(36)       not null,
    body           varchar(4000)  not null,
    sent_at        datetime(6)    not null,
    constraint pk_chat_messages primary key (id),
    constraint fk_chat_messages_conversation foreign key (mentorship_id) references conversations (mentorship_id)
);
create index ix_chat_messages_conversation on chat_messages (mentorship_id, id);

-- per participant: the newest message read, and the newest message a digest mail already told them about
create table conversation_read_states (
    mentorship_id         char(36)  not null,
    member_id             char(36)  not null,
    last_read_message_id  bigint    not null,
    digested_up_to        bigint    not null,
    constraint pk_conversation_read_states primary key (mentorship_id, member_id),
    constraint fk_conversation_read_states_conversation foreign key (mentorship_id) references conversations (mentorship_id)
);

insert into conversation_read_states (mentorship_id, member_id, last_read_message_id, digested_up_to)
    select mentorship_id, mentee_id, 0, 0 from conversations;
insert into conversation_read_states (mentorship_id, member_id, last_read_message_id, digested_up_to)
    select mentorship_id, mentor_id, 0, 0 from conversations;
