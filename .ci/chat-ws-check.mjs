// The node side of .ci/chat-ws-check: a graphql-ws client subscribes to messageAdded as the mentee; the mentor sends
// through /graphql (again every 2 s until the message arrives: the server may not have set the subscription up yet
// when the first one goes out). Exits 0 when a sent message arrived intact, 1 otherwise, within TIMEOUT_SECONDS.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { BASE, MENTORSHIP_ID, MENTEE_TOKEN, MENTOR_TOKEN } = process.env;
// the mentor may send through another node than the one the mentee subscribes on
const SEND_BASE = process.env.SEND_BASE || BASE;
const TIMEOUT_MS = Number(process.env.TIMEOUT_SECONDS || 20) * 1000;
const WS_URL = BASE.replace(/^http/, 'ws') + '/graphql-ws';

const log = (...args) => console.log('chat-ws-check (node):', ...args);

function client(token) {
  return createClient({
    url: WS_URL,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

async function send(text) {
  const response = await fetch(`${SEND_BASE}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${MENTOR_TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id text } } }',
      variables: { input: { mentorshipId: MENTORSHIP_ID, text } },
    }),
  });
  const body = await response.json();
  if (!body.data?.sendMessage) throw new Error('sendMessage failed: ' + JSON.stringify(body));
}

function subscribe(token, onNext) {
  return new Promise((resolve, reject) => {
    const c = client(token);
    const dispose = c.subscribe(
      {
        query: 'subscription($id: ID!) { messageAdded(mentorshipId: $id) { id text fromMe sender { firstName } } }',
        variables: { id: MENTORSHIP_ID },
      },
      { next: (value) => onNext(value, () => { dispose(); c.dispose(); resolve(); }), error: (e) => { c.dispose(); reject(e); }, complete: () => { c.dispose(); resolve('complete'); } },
    );
  });
}

async function receivesLiveMessage() {
  const sent = new Set();
  let timer;
  const received = subscribe(MENTEE_TOKEN, (value, done) => {
    const message = value.data?.messageAdded;
    if (!message) throw new Error('unexpected result: ' + JSON.stringify(value));
    if (!sent.has(message.text) || message.fromMe !== false || message.sender.firstName !== 'Otto') {
      throw new Error('unexpected message: ' + JSON.stringify(message));
    }
    log('received', JSON.stringify(message));
    done();
  });
  let n = 0;
  const sender = async () => {
    const text = `hello over graphql-ws #${++n} ${Date.now()}`;
    sent.add(text);
    await send(text);
  };
  await sender();
  timer = setInterval(() => sender().catch((e) => log(e.message)), 2000);
  try {
    const outcome = await received;
    if (outcome === 'complete') throw new Error('the subscription completed without a message');
  } finally {
    clearInterval(timer);
  }
}

async function refusesConnectionWithoutToken() {
  try {
    await subscribe(null, () => { throw new Error('got data without a token'); });
  } catch (e) {
    const code = e?.code ?? e?.[0]?.extensions?.code;
    log('without a token:', code ?? (e?.message || JSON.stringify(e)));
    if (code === 4401 || code === 'UNAUTHORIZED') return;
    throw new Error('expected close code 4401 without a token, got ' + (code ?? JSON.stringify(e)));
  }
  throw new Error('a subscription without a token completed normally');
}

const deadline = new Promise((_, reject) => setTimeout(() => reject(new Error(`no message within ${TIMEOUT_MS} ms`)), TIMEOUT_MS));
try {
  await Promise.race([(async () => { await receivesLiveMessage(); await refusesConnectionWithoutToken(); })(), deadline]);
  log('ok');
  process.exit(0);
} catch (e) {
  log('FAILED:', e?.message ?? e);
  process.exit(1);
}
