import { describe, expect, it } from '@jest/globals';
import { parseStartOptions, UsageError } from '../../../local/preview/options';

describe('npm start options', () => {
  it('defaults to the medium simulated call center in real time, with a page', () => {
    expect(parseStartOptions([], {})).toEqual({
      preset: 'medium',
      port: 8080,
      portGiven: false,
      speed: 1,
      aircallUrl: null,
      key: null,
      once: false,
      dump: null,
      refreshes: 1,
    });
  });

  it('reads preset, port, speed and --once --dump', () => {
    const options = parseStartOptions(
      ['--preset', 'small', '--port', '0', '--speed', '10', '--once', '--dump', 'board.json'],
      {},
    );
    expect(options).toMatchObject({ preset: 'small', port: 0, speed: 10, once: true, dump: 'board.json' });
  });

  it('routes to another Aircall server with the key from the environment', () => {
    const options = parseStartOptions(['--aircall-url', 'https://aircall.example/'], {
      AIRCALL_API_ID: ' id ',
      AIRCALL_API_TOKEN: 'token',
    });
    expect(options.aircallUrl).toBe('https://aircall.example');
    expect(options.key).toEqual({ apiId: 'id', apiToken: 'token' });
  });

  it.each([
    [['--preset', 'huge'], /--preset must be small, medium or large/],
    [['--port', 'eighty'], /--port eighty is not valid/],
    [['--port', '70000'], /--port 70000 is not valid/],
    [['--speed', '0'], /--speed 0 is not valid/],
    [['--once'], /--once needs --dump FILE/],
    [['--dump', 'x.json'], /--dump goes with --once/],
    [['--aircall-url', 'https://aircall.example'], /needs AIRCALL_API_ID and AIRCALL_API_TOKEN/],
    [['--aircall-url', 'aircall.example'], /is not an http\(s\) URL/],
    [['--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j in plain words', (argv, message) => {
    expect(() => parseStartOptions(argv, {})).toThrow(UsageError);
    expect(() => parseStartOptions(argv, {})).toThrow(message);
  });
});
