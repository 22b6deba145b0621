import { useEffect, useState } from 'react';
import type { TabState } from '@/lib/messaging/protocol';
import type { Registry } from '@/lib/registry';
import { usePopupStore } from '@/lib/store';
import { Header } from './Header';
import { Home } from './Home';
import { useLang, useT } from './hooks';
import { ToolSummary, type SummaryOrigin } from './ToolSummary';

export type View = { name: 'home' } | { name: 'summary'; toolId: string; origin: SummaryOrigin };

interface Props {
  registry: Registry;
  /** What the extension detected on the tab the popup belongs to. */
  tabState: TabState | null;
}

function initialView(registry: Registry, tabState: TabState | null): View {
  const detection = tabState?.detection;
  return detection && registry.byId.has(detection.toolId)
    ? { name: 'summary', toolId: detection.toolId, origin: { kind: 'detected', detection } }
    : { name: 'home' };
}

function DroppedNotice() {
  const t = useT();
  const dropped = usePopupStore((state) => state.dropped);
  const dismiss = usePopupStore((state) => state.dismissDropped);
  if (!dropped.length) return null;
  return (
    <div className="notice" role="status">
      <p>
        <strong>{t('droppedTitle')}</strong> {t('droppedText')}
      </p>
      <button type="button" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}

export function App({ registry, tabState }: Props) {
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<View>(() => initialView(registry, tabState));
  const pins = usePopupStore((state) => state.pins);
  const { setLang, togglePin, movePin } = usePopupStore.getState();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const tool = view.name === 'summary' ? registry.byId.get(view.toolId) : undefined;
  const pinned = tool ? pins.some((pin) => pin.toolId === tool.id) : false;

  return (
    <>
      <Header onBack={view.name === 'home' ? undefined : () => setView({ name: 'home' })} onLang={setLang} />
      <DroppedNotice />
      <main>
        {tool && view.name === 'summary' ? (
          <ToolSummary
            tool={tool}
            origin={view.origin}
            dataAsOf={registry.meta.dataAsOf}
            actions={
              <button
                type="button"
                className="pin-toggle"
                aria-pressed={pinned}
                aria-label={t(pinned ? 'unpinLabel' : 'pinLabel', { tool: tool.name[lang] })}
                onClick={() => togglePin(tool.id)}
              >
                <span aria-hidden="true">{pinned ? '★' : '☆'}</span> {t(pinned ? 'pinned' : 'pin')}
              </button>
            }
          />
        ) : (
          <>
            <div className="empty-state">
              <h1>{t('noToolTitle')}</h1>
              <p>{t('noToolText')}</p>
            </div>
            <Home
              registry={registry}
              pins={pins}
              onOpen={(toolId, from) => setView({ name: 'summary', toolId, origin: { kind: from } })}
              onUnpin={togglePin}
              onMove={movePin}
            />
          </>
        )}
      </main>
    </>
  );
}
