import { bootStrapi, type TestApp } from '../helpers/strapi';
import { seedDemo } from '../../database/seeds';
import { jq } from '../helpers/mini-jq';
import { parseCurl, parsePipe, readTour, shellWords, type Step } from '../helpers/readme-tour';

/**
 * The README's API tour, run against the demo as `npm run demo` seeds it (seedDemo, Super Admin
 * from ADMIN_EMAIL/ADMIN_PASSWORD included). Every example of the tour's bash block is a case, in
 * README order: the curl command becomes the same request through supertest, its `jq` filter is
 * evaluated (tests/helpers/mini-jq.ts), and the answer must be what the `# → …` line under it says
 * (status, then checks on the jq output). Variables (`ADMIN_JWT`, `TOKEN`, `DOC`, `RETRACTION`) are
 * set by the README's own assignments. A broken example fails CI.
 */
const ADMIN = { email: 'tour-admin@jiyue.test', password: 'Gz-tour-2025-Readme' };
const steps = readTour();

let app: TestApp;
const vars: Record<string, string> = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

beforeAll(async () => {
  process.env.ADMIN_EMAIL = ADMIN.email;
  process.env.ADMIN_PASSWORD = ADMIN.password;
  app = await bootStrapi();
  await seedDemo(app.strapi, { log: () => undefined });
  // The demo's server starts after seeding; here the search index catches up with the seeded documents first.
  await app.strapi.plugin('cluster-search').service('indexer').flush();
}, 600_000);

afterAll(async () => {
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  await app?.stop();
});

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && !Array.isArray(v) && !Object.keys(v as object).length);

/** One `# →` check against one output: `FILTER non-empty`, `FILTER == JSON`, `FILTER >= N`, `contains "text"`. */
const check = (spec: string, output: unknown): string | null => {
  const contains = /^contains (".*")$/.exec(spec);
  if (contains) {
    const text = typeof output === 'string' ? output : JSON.stringify(output);
    return text.includes(JSON.parse(contains[1])) ? null : `does not contain ${contains[1]}`;
  }
  const nonEmpty = /^(.+) non-empty$/.exec(spec);
  if (nonEmpty) {
    const values = jq(nonEmpty[1], output);
    return values.length && !values.some(isEmpty) ? null : `${nonEmpty[1]} is empty: ${JSON.stringify(values)}`;
  }
  const compare = /^(.+?) (==|>=) (.+)$/.exec(spec);
  if (compare) {
    const [, filter, op, expected] = compare;
    const want = JSON.parse(expected);
    const values = jq(filter, output);
    if (!values.length) return `${filter} yields nothing`;
    for (const v of values) {
      if (op === '==' && JSON.stringify(v) !== JSON.stringify(want)) return `${filter} is ${JSON.stringify(v)}, README says ${expected}`;
      if (op === '>=' && !(typeof v === 'number' && v >= want)) return `${filter} is ${JSON.stringify(v)}, README says ≥ ${expected}`;
    }
    return null;
  }
  throw new Error(`unknown check "${spec}" (use "FILTER non-empty", "FILTER == JSON", "FILTER >= N" or contains "text")`);
};

/** Runs one README example: the request, its pipe, then the expectation. Returns the outputs. */
const run = async (step: Step) => {
  const [curlWords, pipeWords, ...rest] = shellWords(step.command, vars);
  if (rest.length) throw new Error('one pipe at most');
  const curl = parseCurl(curlWords);
  const pipe = parsePipe(pipeWords);
  let request = app.request()[curl.method.toLowerCase() as 'get'](curl.path);
  for (const [name, value] of Object.entries(curl.headers)) request = request.set(name, value);
  if (curl.body !== null) request = request.send(curl.body);
  // The raw text, whatever the content type (JSON, RSS, empty): parsed below as the pipe needs.
  const res = await request.buffer(true).parse((response, done) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => done(null, text));
  });
  const text: string = curl.statusOnly ? `${res.status}\n` : res.body;

  let outputs: unknown[];
  if (pipe?.kind === 'jq') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${res.status}: jq gets no JSON: ${JSON.stringify(text.slice(0, 200))}`);
    }
    outputs = jq(pipe.filter, json);
  } else if (pipe?.kind === 'head') outputs = [text.split('\n').slice(0, pipe.lines).join('\n')];
  else outputs = [text.trim()];
  return { status: res.status, outputs, text };
};

describe('the README API tour against the demo', () => {
  it('has examples, each with its expected answer', () => {
    expect(steps.length).toBeGreaterThanOrEqual(20);
    const unchecked = steps.filter((s) => !s.assign && !s.expectation).map((s) => `line ${s.line}: ${s.source}`);
    expect(unchecked).toEqual([]);
  });

  it.each(steps.map((s) => [`line ${s.line}: ${s.source.slice(0, 150)}`, s] as const))('%s', async (_name, step) => {
    const { status, outputs, text } = await run(step);
    const show = `${status} ${text.slice(0, 600)}`;
    if (step.assign) {
      // jq -r prints a number as its digits.
      const value = typeof outputs[0] === 'number' ? String(outputs[0]) : outputs[0];
      if (typeof value !== 'string' || !value || value === 'null') throw new Error(`${step.assign} would be ${JSON.stringify(value)} (answer: ${show})`);
      vars[step.assign] = value;
    }
    const expectation = step.expectation;
    if (!expectation) return;
    const problems: string[] = [];
    if (status !== expectation.status) problems.push(`status ${status}, README says ${expectation.status}`);
    else {
      // A success shows something: at least one output, none of them null or empty.
      if (expectation.status < 300 && (!outputs.length || outputs.some(isEmpty))) problems.push(`shows nothing: ${JSON.stringify(outputs)}`);
      for (const spec of expectation.checks) {
        for (const output of outputs) {
          const problem = check(spec, output);
          if (problem) problems.push(problem);
        }
        if (!outputs.length) problems.push(`${spec}: no output`);
      }
    }
    if (problems.length) throw new Error(`${problems.join('\n')}\nanswer: ${show}`);
  });
});

describe('the tour reader (what makes a README example fail)', () => {
  const curl = (line: string) => parseCurl(shellWords(line, { DOC: 'abc' })[0]);

  it('treats URLs as curl does: raw Chinese and unglobbed brackets are refused, --data-urlencode encodes', () => {
    expect(() => curl("curl -s 'http://localhost:1337/api/cluster-search/search?q=医保'")).toThrow(/--data-urlencode/);
    expect(() => curl("curl -s 'http://localhost:1337/api/articles?pagination[pageSize]=3'")).toThrow(/curl -g/);
    expect(curl("curl -sG http://localhost:1337/api/cluster-search/search --data-urlencode 'q=医保' -d scope=cluster").path).toBe('/api/cluster-search/search?q=%E5%8C%BB%E4%BF%9D&scope=cluster');
    expect(curl(`curl -s -X POST "http://localhost:1337/api/x/$DOC" -H 'Content-Type: application/json' -d "{\\"id\\":\\"$DOC\\"}"`)).toMatchObject({ method: 'POST', path: '/api/x/abc', body: '{"id":"abc"}' });
    expect(() => shellWords('curl "http://localhost:1337/$NOPE"', {})).toThrow(/\$NOPE is not set/);
  });

  it('evaluates the jq filter: a wrong path yields null, which shows nothing', () => {
    const answer = { data: { locales: [{ locale: 'zh-Hans' }] } };
    expect(jq('.locales', answer)).toEqual([null]);
    expect(jq('.data.locales', answer)).toEqual([answer.data.locales]);
    expect(check('. non-empty', null)).not.toBeNull();
    expect(check('.stage == "first-review"', { stage: 'first-review' })).toBeNull();
    expect(check('. >= 18', 17)).not.toBeNull();
  });
});
