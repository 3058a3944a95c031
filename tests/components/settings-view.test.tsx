/** Settings: each change is sent whole to the worker; erasing asks twice; language applies at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { useLanguageSetting } from '../../components/panel/settings/language';
import { SettingsView } from '../../components/panel/settings/SettingsView';
import type { PanelSource } from '../../components/panel/source';
import { parseSettings } from '../../core/settings';
import { account } from './data';
import { fakeSource } from './fake-source';
import { click, mount, setValue, submit } from './render';

const none = { status: 'none' } as const;

/** The settings view under a component that follows the language setting, as App does. */
function WithLanguage({ source }: { source: PanelSource }) {
  useLanguageSetting(source);
  return <SettingsView source={source} page={none} />;
}

beforeEach(() => {
  lang.value = 'en';
});
afterEach(() => {
  lang.value = 'en';
});

describe('Settings view', () => {
  it('says it is loading until the settings are read', async () => {
    const { source } = fakeSource({ settings: 'loading' });
    const ui = await mount(<SettingsView source={source} page={none} />);
    expect(ui.get('[role="status"]').textContent).toBe('Loading…');
  });

  it('shows a storage error as an alert', async () => {
    const { source } = fakeSource({ settings: { error: 'storage disabled' } });
    const ui = await mount(<SettingsView source={source} page={none} />);
    expect(ui.get('[role="alert"]').textContent).toContain('storage disabled');
  });

  it('starts from the defaults, with no own accounts and no brand terms', async () => {
    const { source } = fakeSource();
    const ui = await mount(<SettingsView source={source} page={none} />);
    expect(ui.text()).toContain('No own accounts yet');
    expect(ui.get<HTMLInputElement>('label.check input').checked).toBe(true);
    // One row per platform, each with a labelled read and badge switch.
    expect(ui.all('.settings-table tbody tr')).toHaveLength(12);
    expect(ui.get('input[aria-label="Badges on Instagram"]')).toBeTruthy();
  });

  it('sends the whole settings object when a switch changes, keeping the other fields', async () => {
    const { source, commands } = fakeSource({ settings: { brandTerms: ['Acme'], retentionDays: 90 } });
    const ui = await mount(<SettingsView source={source} page={none} />);
    await click(ui.get('input[aria-label="Badges on X"]'));
    await click(ui.get('label.check input'));
    expect(commands).toEqual([
      {
        type: 'saveSettings',
        settings: parseSettings({ brandTerms: ['Acme'], retentionDays: 90, badgesPerPlatform: { x: false } }),
      },
      {
        type: 'saveSettings',
        settings: parseSettings({ brandTerms: ['Acme'], retentionDays: 90, badges: false }),
      },
    ]);
    expect(ui.text()).toContain('Saved.');
  });

  it('adds and removes brand terms, refuses an invalid retention, and picks a time zone', async () => {
    const { source, commands } = fakeSource({ settings: { brandTerms: ['Acme'] } });
    const ui = await mount(<SettingsView source={source} page={none} />);
    const forms = ui.all<HTMLFormElement>('form');
    await setValue(forms[0]!.querySelector('input')!, 'Rival GmbH');
    await submit(forms[0]!);
    await click(ui.button('Remove “Acme”'));
    await setValue(ui.get<HTMLInputElement>('input[type="number"]'), '-3');
    expect(ui.text()).toContain('Enter a whole number from 0 to 3650');
    await setValue(ui.get<HTMLInputElement>('input[type="number"]'), '30');
    await setValue(ui.all<HTMLSelectElement>('select')[1]!, 'Europe/Berlin');
    expect(commands.map((c) => (c.type === 'saveSettings' ? c.settings : null))).toEqual([
      parseSettings({ brandTerms: ['Acme', 'Rival GmbH'] }),
      parseSettings({ brandTerms: [] }),
      parseSettings({ brandTerms: ['Acme'], retentionDays: 30 }),
      parseSettings({ brandTerms: ['Acme'], timeZone: 'Europe/Berlin' }),
    ]);
  });

  it('lists own accounts and can unmark them', async () => {
    const { source, commands } = fakeSource({
      accounts: [account('acme', { role: 'own' }), account('rival', { role: 'competitor' })],
    });
    const ui = await mount(<SettingsView source={source} page={none} />);
    expect(ui.text()).toContain('@acme · X');
    expect(ui.text()).not.toContain('@rival');
    await click(ui.button('@acme · X is not an own account'));
    expect(commands).toEqual([{ type: 'setAccountRole', platform: 'x', handle: 'acme', role: null }]);
  });

  it('erases everything only after a second, explicit click', async () => {
    const { source, commands } = fakeSource();
    const ui = await mount(<SettingsView source={source} page={none} />);
    await click(ui.button('Erase everything…'));
    expect(commands).toEqual([]);
    expect(ui.text()).toContain('This cannot be undone');
    await click(ui.button('Cancel'));
    await click(ui.button('Erase everything…'));
    await click(ui.button('Yes, erase everything'));
    expect(commands).toEqual([{ type: 'eraseAll', confirm: 'erase' }]);
    expect(ui.text()).toContain('All data erased.');
  });

  it('reports a refused save', async () => {
    const { source } = fakeSource({ command: () => ({ ok: false, error: 'unknown time zone: Mars/Base' }) });
    const ui = await mount(<SettingsView source={source} page={none} />);
    await click(ui.get('label.check input'));
    expect(ui.get('[role="alert"]').textContent).toContain('unknown time zone: Mars/Base');
  });

  it('switches the whole panel’s language from the setting', async () => {
    const { source } = fakeSource({ settings: { language: 'de' } });
    const ui = await mount(<WithLanguage source={source} />);
    expect(lang.value).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(ui.text()).toContain('Badges an Beiträgen anzeigen');
    expect(ui.text()).toContain('Alle Daten löschen');
  });
});
