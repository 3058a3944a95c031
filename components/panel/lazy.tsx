/**
 * A view loaded on first use (dynamic import), so the side panel's first view does not wait for the
 * code of the others (charts, uPlot). Shows "loading" until the module is there, an error if it fails.
 */
import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  // biome-ignore lint/correctness/noComponentHookFactories: called once per view at module level (VIEWS), so the component's identity is stable
  return function LazyView(props: P) {
    const component = useSignal<ComponentType<P> | null>(loaded);
    const failed = useSignal<string | null>(null);
    useEffect(() => {
      if (component.value) return;
      pending ??= load().then((c) => (loaded = c));
      pending.then(
        (c) => (component.value = c),
        (error) => {
          pending = null;
          failed.value = String((error as Error)?.message ?? error);
        },
      );
    }, [failed, component.value, component]);
    if (failed.value)
      return (
        <p class="state error" role="alert">
          {t('errorRead', failed.value)}
        </p>
      );
    const Component = component.value;
    if (!Component)
      return (
        <p class="state" role="status">
          {t('loading')}
        </p>
      );
    return <Component {...props} />;
  };
}
