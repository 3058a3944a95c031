/** Mastodon instances: one host at a time, only with its permission. */
import { describe, expect, it } from 'vitest';
import { InstanceHost, type ScriptRegistrar, syncInstances } from '../../core/worker/instances';

function fakeRegistrar(granted: string[]) {
  const registered = new Set<string>();
  const registrar: ScriptRegistrar = {
    has: async (h) => registered.has(h),
    register: async (h) => void registered.add(h),
    unregister: async (h) => void registered.delete(h),
    permitted: async (h) => granted.includes(h),
  };
  return { registrar, registered };
}

describe('Mastodon instances', () => {
  it('normalises what the user types to a host name, and refuses anything else', () => {
    expect(InstanceHost.parse(' https://Social.Example.de/@anna ')).toBe('social.example.de');
    expect(InstanceHost.safeParse('*.example.de').success).toBe(false);
    expect(InstanceHost.safeParse('localhost').success).toBe(false);
    expect(InstanceHost.safeParse('https://example.de:8443').success).toBe(false);
  });

  it('registers the content script only where the user granted the host permission', async () => {
    const { registrar, registered } = fakeRegistrar(['social.example.de']);
    const active = await syncInstances(registrar, ['social.example.de', 'not.granted.org']);
    expect(active).toEqual(['social.example.de']);
    expect([...registered]).toEqual(['social.example.de']);
  });

  it('stops running on an instance whose permission the user revoked', async () => {
    const granted = ['a.example.de'];
    const { registrar, registered } = fakeRegistrar(granted);
    await syncInstances(registrar, ['a.example.de']);
    granted.pop();
    await syncInstances(registrar, ['a.example.de'], ['a.example.de']);
    expect(registered.size).toBe(0);
  });

  it('unregisters an instance the user removed', async () => {
    const { registrar, registered } = fakeRegistrar(['a.example.de', 'b.example.de']);
    await syncInstances(registrar, ['a.example.de', 'b.example.de']);
    await syncInstances(registrar, ['b.example.de'], ['a.example.de', 'b.example.de']);
    expect([...registered]).toEqual(['b.example.de']);
  });
});
