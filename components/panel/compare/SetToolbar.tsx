/** Choosing, creating, renaming and deleting competitive sets (deleting asks a second time). */
import { useSignal } from '@preact/signals';
import type { CompetitiveSet } from '../../../core/model';
import { t } from '../../i18n';
import type { PanelSource } from '../source';

export function SetToolbar(props: {
  source: PanelSource;
  sets: readonly CompetitiveSet[];
  selected: CompetitiveSet | null;
  onSelect: (id: string) => void;
}) {
  const { source, sets, selected } = props;
  const mode = useSignal<'idle' | 'create' | 'rename' | 'delete'>('idle');
  const name = useSignal('');
  const error = useSignal<string | null>(null);

  const open = (next: 'create' | 'rename' | 'delete', text = '') => {
    mode.value = next;
    name.value = text;
  };
  const finish = (answer: { ok: boolean; error?: string }) => {
    error.value = answer.ok ? null : (answer.error ?? '');
    if (answer.ok) {
      mode.value = 'idle';
      name.value = '';
    }
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const text = name.value.trim();
    if (!text) return;
    if (mode.value === 'create') {
      const answer = await source.command({ type: 'createSet', name: text });
      if (answer.ok && typeof answer.id === 'string') props.onSelect(answer.id);
      finish(answer);
    } else if (mode.value === 'rename' && selected) {
      finish(await source.command({ type: 'renameSet', id: selected.id, name: text }));
    }
  };
  const remove = async () => {
    if (!selected) return;
    finish(await source.command({ type: 'deleteSet', id: selected.id }));
  };

  return (
    <div class="set-toolbar">
      <div class="row">
        {sets.length > 0 && (
          <label class="field">
            <span>{t('setPick')}</span>
            <select
              value={selected?.id ?? ''}
              onChange={(e) => props.onSelect((e.currentTarget as HTMLSelectElement).value)}
            >
              {sets.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${s.name} (${t('setMembers', s.members.length)})`}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => open('create')}>
          {t('setNew')}
        </button>
        {selected && (
          <>
            <button type="button" onClick={() => open('rename', selected.name)}>
              {t('setRename')}
            </button>
            <button type="button" class="danger" onClick={() => open('delete')}>
              {t('setDelete')}
            </button>
          </>
        )}
      </div>
      {(mode.value === 'create' || mode.value === 'rename') && (
        <form class="row" onSubmit={submit}>
          <label class="field grow">
            <span>{mode.value === 'create' ? t('setNameNew') : t('setNameRename')}</span>
            <input
              type="text"
              value={name.value}
              maxLength={200}
              required
              // biome-ignore lint/a11y/noAutofocus: the form opens on the user's click; typing is the next step
              autoFocus
              onInput={(e) => (name.value = (e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">{mode.value === 'create' ? t('setCreate') : t('setSave')}</button>
          <button type="button" onClick={() => (mode.value = 'idle')}>
            {t('cancel')}
          </button>
        </form>
      )}
      {mode.value === 'delete' && selected && (
        <fieldset class="confirm">
          <legend>{t('setDeleteConfirm', selected.name)}</legend>
          <button type="button" class="danger" onClick={remove}>
            {t('setDeleteYes')}
          </button>
          <button type="button" onClick={() => (mode.value = 'idle')}>
            {t('cancel')}
          </button>
        </fieldset>
      )}
      {error.value !== null && <p role="alert">{t('commandFailed', error.value)}</p>}
    </div>
  );
}
