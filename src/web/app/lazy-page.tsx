import { lazy, Suspense, type ComponentType } from 'react';
import { useI18n } from '../shared/i18n/I18nProvider';

/** A route's page loaded when first opened, with a "Loading…" while its chunk arrives. */
export function lazyPage<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): ComponentType<P> {
  const Page: ComponentType<P> = lazy(() => load().then((module) => ({ default: module[name] as ComponentType<P> })));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
  };
}

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('app.loading')}</p>;
}
