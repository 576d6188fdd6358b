"""What the CI scripts (.ci/faults, .ci/upgrade) share: the database, the mail catcher, server nodes, a GraphQL
client, and the invariants the platform promises after any scenario."""
