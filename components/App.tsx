import { useEffect, useState } from 'react';
import type { TabState } from '@/lib/messaging/protocol';
import type { RegistryView } from '@/lib/registry/view';
import { usePopupStore } from '@/lib/store';
import { Compare, COMPARE_SLOTS } from './Compare';
import { Header } from './Header';
import { Home } from './Home';
import { useLang, useT, useTools } from './hooks';
import { SummaryActions } from './SummaryActions';
import { ToolSummary, type SummaryOrigin } from './ToolSummary';

export type View =
  | { name: 'home' }
  | { name: 'summary'; toolId: string; origin: SummaryOrigin }
  | { name: 'compare'; selection: string[] };

interface Props {
  registry: RegistryView;
  /** What the extension detected on the tab the popup belongs to. */
  tabState: TabState | null;
  /** Puts text on the clipboard. */
  copyText: (text: string) => Promise<void>;
}

function initialView(registry: RegistryView, tabState: TabState | null): View {
  const detection = tabState?.detection;
  return detection && registry.byId.has(detection.toolId)
    ? { name: 'summary', toolId: detection.toolId, origin: { kind: 'detected', detection } }
    : { name: 'home' };
}

/** The first columns to compare: the given tool, then pinned tools, then the registry's first tools. */
function compareSelection(registry: RegistryView, pinned: readonly string[], first?: string): string[] {
  const ids = [first, ...pinned, ...registry.catalog.map((tool) => tool.id)].filter(
    (id): id is string => Boolean(id && registry.byId.has(id)),
  );
  const unique = [...new Set(ids)];
  const fromPins = first ? 2 : Math.min(Math.max(pinned.length, 2), COMPARE_SLOTS);
  return unique.slice(0, fromPins);
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

export function App({ registry, tabState, copyText }: Props) {
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<View>(() => initialView(registry, tabState));
  const pins = usePopupStore((state) => state.pins);
  const { setLang, togglePin, movePin } = usePopupStore.getState();
  const pinnedIds = pins.map((pin) => pin.toolId);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const openCompare = (first?: string) => setView({ name: 'compare', selection: compareSelection(registry, pinnedIds, first) });
  const [tool] = useTools(registry, view.name === 'summary' ? [view.toolId] : []);

  let content;
  if (view.name === 'summary' && tool) {
    content = (
      <ToolSummary
        tool={tool}
        origin={view.origin}
        dataAsOf={registry.dataAsOf}
        actions={
          <SummaryActions
            tool={tool}
            dataAsOf={registry.dataAsOf}
            pinned={pinnedIds.includes(tool.id)}
            onTogglePin={() => togglePin(tool.id)}
            onCompare={() => openCompare(tool.id)}
            copyText={copyText}
          />
        }
      />
    );
  } else if (view.name === 'compare') {
    content = (
      <Compare
        registry={registry}
        selection={view.selection}
        onSelect={(slot, toolId) => {
          const selection = [...view.selection];
          selection[slot] = toolId;
          setView({ name: 'compare', selection: Array.from(selection, (id) => id ?? '') });
        }}
      />
    );
  } else if (view.name === 'summary' && tool === undefined) {
    // The entry is a local chunk and arrives within a frame or two; nothing to show meanwhile.
    content = null;
  } else {
    content = (
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
          onCompare={() => openCompare()}
        />
      </>
    );
  }

  return (
    <>
      <Header onBack={view.name === 'home' ? undefined : () => setView({ name: 'home' })} onLang={setLang} />
      <main>
        <DroppedNotice />
        {content}
      </main>
    </>
  );
}
