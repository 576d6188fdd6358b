// What a frontend developer meets first, checked with code nobody here wrote, against a running server (BASE):
//  1. urql (@urql/core, default settings: queries as GET within the URL limit) and Apollo Client (default settings:
//     POST) run a sign-up, a query with the bearer token and a mutation; the GET really is a GET;
//  2. the graphql-http audit (GraphQL over HTTP): every MUST and SHOULD passes (MAYs are printed);
//  3. a bad token gets 401 with a GraphQL-style JSON body (errors[0].extensions.code UNAUTHORIZED);
//  4. GraphiQL in headless Chromium with every outside host blocked: the page loads and runs { __typename }
//     (screenshot in SCREENSHOT).
// Started by .ci/client-check, which installs the pinned packages of package-lock.json.
import { Client, cacheExchange, fetchExchange, gql as urqlGql } from '@urql/core';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { serverAudits } from 'graphql-http';
import puppeteer from 'puppeteer-core';

const BASE = process.env.BASE;
const URL = `${BASE}/graphql`;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = process.env.SCREENSHOT || 'graphiql.png';

let failed = 0;
const pass = (what) => console.log(`client-check: PASS  ${what}`);
const fail = (what, why) => {
	failed++;
	console.log(`client-check: FAIL  ${what}: ${why}`);
};
async function check(what, fn) {
	try {
		await fn();
		pass(what);
	}
	catch (e) {
		fail(what, e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e);
	}
}
const assert = (condition, message) => {
	if (!condition) throw new Error(message);
};

// every request the clients send, to see their methods
const sent = [];
const recordingFetch = (input, init = {}) => {
	sent.push({ method: (init.method || 'GET').toUpperCase(), url: String(input) });
	return fetch(input, init);
};

const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token me { id email } } }`;
const ME = `query Me { me { id email } }`;
const ROTATE = `mutation Rotate { rotateCalendarFeed { calendarFeedUrl } }`;
const signUpInput = (who) => ({
	input: {
		email: `client-check-${who}-${process.pid}-${Date.now()}@example.org`,
		password: 'Client-Check-Passw0rd-4711',
		firstName: who,
		lastName: 'Check',
		roles: ['MENTEE'],
	},
});

function urql(token) {
	// nothing but the URL, the exchanges and the header: urql's defaults (preferGetMethod 'within-url-limit')
	return new Client({
		url: URL,
		exchanges: [cacheExchange, fetchExchange],
		fetch: recordingFetch,
		fetchOptions: () => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
	});
}

function apollo(token) {
	return new ApolloClient({
		link: new HttpLink({
			uri: URL,
			fetch: recordingFetch,
			headers: token ? { Authorization: `Bearer ${token}` } : {},
		}),
		cache: new InMemoryCache(),
	});
}

await check('urql (defaults): sign-up over POST, me over GET with the token, a mutation over POST', async () => {
	const anonymous = urql();
	sent.length = 0;
	const signUp = await anonymous.mutation(urqlGql(SIGN_UP), signUpInput('Urql')).toPromise();
	assert(!signUp.error, `sign-up: ${signUp.error}`);
	const token = signUp.data.signUp.token;
	const member = urql(token);
	const me = await member.query(urqlGql(ME), {}).toPromise();
	assert(!me.error, `me: ${me.error}`);
	assert(me.data.me.email === signUp.data.signUp.me.email, `me: ${JSON.stringify(me.data)}`);
	const rotate = await member.mutation(urqlGql(ROTATE), {}).toPromise();
	assert(!rotate.error, `rotateCalendarFeed: ${rotate.error}`);
	const methods = sent.map((r) => r.method).join(',');
	assert(methods === 'POST,GET,POST', `methods sent: ${methods}`);
});

await check('Apollo Client (defaults): sign-up, me with the token, a mutation', async () => {
	sent.length = 0;
	const signUp = await apollo().mutate({ mutation: gql(SIGN_UP), variables: signUpInput('Apollo') });
	const token = signUp.data.signUp.token;
	const member = apollo(token);
	const me = await member.query({ query: gql(ME) });
	assert(me.data.me.email === signUp.data.signUp.me.email, `me: ${JSON.stringify(me.data)}`);
	const rotate = await member.mutate({ mutation: gql(ROTATE) });
	assert(rotate.data.rotateCalendarFeed.calendarFeedUrl, `rotate: ${JSON.stringify(rotate.data)}`);
	console.log(`client-check:       Apollo sent ${sent.map((r) => r.method).join(',')}`);
});

await check('GET: a mutation is refused with 405; the answer to a query is no-store and varies by Authorization', async () => {
	const mutation = await fetch(`${URL}?query=${encodeURIComponent(ROTATE)}`);
	assert(mutation.status === 405, `mutation over GET: ${mutation.status}`);
	const body = await mutation.json();
	assert(body.errors[0].extensions.code === 'METHOD_NOT_ALLOWED', JSON.stringify(body));
	const query = await fetch(`${URL}?query=${encodeURIComponent('{ __typename }')}`);
	assert(query.status === 200, `query over GET: ${query.status}`);
	assert(query.headers.get('cache-control') === 'no-store', `Cache-Control: ${query.headers.get('cache-control')}`);
	assert(/authorization/i.test(query.headers.get('vary') || ''), `Vary: ${query.headers.get('vary')}`);
	const long = await fetch(`${URL}?query=${encodeURIComponent('{ __typename } #' + 'x'.repeat(9000))}`);
	assert(long.status === 414, `a 9 KB URL: ${long.status}`);
	assert((await long.json()).errors[0].extensions.code === 'URL_TOO_LONG', 'no URL_TOO_LONG');
});

await check('a bad token: 401 with WWW-Authenticate and errors[0].extensions.code UNAUTHORIZED', async () => {
	const response = await fetch(URL, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-a-token' },
		body: JSON.stringify({ query: ME }),
	});
	assert(response.status === 401, `status ${response.status}`);
	assert(/^Bearer/.test(response.headers.get('www-authenticate') || ''), 'no WWW-Authenticate');
	const body = await response.json();
	assert(body.errors[0].extensions.code === 'UNAUTHORIZED', JSON.stringify(body));
});

await check('graphql-http audit: every MUST and SHOULD passes', async () => {
	const counts = {};
	const problems = [];
	for (const audit of serverAudits({ url: URL, fetchFn: fetch })) {
		const result = await audit.fn();
		const level = audit.name.split(' ')[0];
		counts[level] = counts[level] || { ok: 0, all: 0 };
		counts[level].all++;
		if (result.status === 'ok') counts[level].ok++;
		else if (level !== 'MAY') problems.push(`${audit.name}: ${result.reason}`);
	}
	console.log(`client-check:       ${Object.entries(counts).map(([l, c]) => `${l} ${c.ok}/${c.all}`).join(', ')}`);
	assert(problems.length === 0, problems.join('; '));
});

await check('GraphiQL offline in headless Chromium: the page runs { __typename }', async () => {
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		userDataDir: process.env.CHROME_PROFILE,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
	});
	const outside = [];
	try {
		const page = await browser.newPage();
		await page.setRequestInterception(true);
		page.on('request', (request) => {
			const url = new globalThis.URL(request.url());
			if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1') {
				outside.push(request.url());
				request.abort();
			}
			else {
				request.continue();
			}
		});
		await page.goto(`${BASE}/graphiql`, { waitUntil: 'networkidle0', timeout: 60000 });
		await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30000 });
		await page.evaluate(() => {
			document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ __typename }');
		});
		await page.click('.graphiql-execute-button');
		await page.waitForFunction(
			() => /"__typename":\s*"Query"/.test(document.querySelector('.graphiql-response')?.innerText || ''),
			{ timeout: 30000 });
		await page.screenshot({ path: SCREENSHOT });
		console.log(`client-check:       screenshot ${SCREENSHOT}`);
	}
	finally {
		await browser.close();
	}
	assert(outside.length === 0, `the page asked outside hosts: ${outside.join(', ')}`);
});

process.exit(failed ? 1 : 0);
