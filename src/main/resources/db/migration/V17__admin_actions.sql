-- What admins did to members (adminActions): who, when, what, to whom, why. Written in the transaction of the action.
create table admin_actions (
    id         char(36)      not null,
    admin_id   char(36)      not null,
    action     varchar(40)   not null,
    member_id  char(36),
    reason     varchar(500),
    acted_at   datetime(6)   not null,
    constraint pk_admin_actions primary key (id)
);
create index ix_admin_actions_acted on admin_actions (acted_at);
