import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makeQueryClient } from '../../renderer/src/app/AppProviders';
import { setSession } from '../../renderer/src/app/session-query';
import { procedureKey } from '../../renderer/src/api/hooks';

describe('setSession', () => {
  it('drops cached case data on lock but keeps session watchers attached, however often it runs', async () => {
    const client = makeQueryClient();
    const sessionKey = procedureKey('session.current', {});
    client.setQueryData(sessionKey, { session: { user: 'x' } });
    client.setQueryData(procedureKey('cases.list', {}), { rows: ['secret case'], total: 1 });
    const seen: unknown[] = [];
    const observer = new QueryObserver(client, { queryKey: sessionKey, enabled: false });
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));

    // The pushed 'session.locked' event and the lock button both do this.
    setSession(client, null);
    setSession(client, null);
    expect(client.getQueryData(procedureKey('cases.list', {}))).toBeUndefined();
    expect(observer.getCurrentResult().data).toEqual({ session: null });

    setSession(client, { user: 'y' } as never);
    expect(observer.getCurrentResult().data).toEqual({ session: { user: 'y' } });
    expect(seen.at(-1)).toEqual({ session: { user: 'y' } });
    unsubscribe();
  });
});
