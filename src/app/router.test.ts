import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router';

describe('router', () => {
  it('splits a hash into page and sub-route', () => {
    expect(parseRoute('#/doodle/practice')).toEqual({ route: 'doodle', subroute: 'practice' });
    expect(parseRoute('#/models/')).toEqual({ route: 'models', subroute: '' });
    expect(parseRoute('')).toEqual({ route: '', subroute: '' });
    expect(parseRoute('#/a%20b/c/d')).toEqual({ route: 'a b', subroute: 'c/d' });
  });
  it('builds links that parse back', () => {
    expect(parseRoute(hrefFor('doodle', 'practice'))).toEqual({ route: 'doodle', subroute: 'practice' });
    expect(hrefFor('models')).toBe('#/models');
  });
});
