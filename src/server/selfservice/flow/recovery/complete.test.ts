import { describe, expect, it } from 'vitest';
import { takeOverReturnTo } from './complete';

describe('takeOverReturnTo (redir.TakeOverReturnToParameter)', () => {
  const settings = 'http://127.0.0.1:4433/self-service/recovery?flow=abc';

  it('case=the recovery request return_to moves to the settings request', () => {
    expect(
      takeOverReturnTo(
        'http://127.0.0.1:4433/self-service/recovery/browser?return_to=http%3A%2F%2Fapp%2Fx',
        settings,
      ),
    ).toBe('http://127.0.0.1:4433/self-service/recovery?flow=abc&return_to=http%3A%2F%2Fapp%2Fx');
  });

  it('case=without one, the fallback (recovery.after.default_browser_return_url) is used', () => {
    expect(
      takeOverReturnTo('http://127.0.0.1:4433/self-service/recovery/browser', settings, 'http://app/y'),
    ).toBe('http://127.0.0.1:4433/self-service/recovery?flow=abc&return_to=http%3A%2F%2Fapp%2Fy');
  });

  it('case=neither: the settings request stays as it is', () => {
    expect(takeOverReturnTo('not a url', settings)).toBe(settings);
  });
});
