import { Suspense, use, useEffect, useState } from 'react';
import type { PageLinks } from '@/lib/shared/detection/links';
import type { Opening } from '@/lib/ui/popup-start';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { usePopupStore } from '@/lib/ui/store';
import { Compare, COMPARE_SLOTS } from './Compare';
import { Header } from './Header';
import { Home } from './Home';
import { useLang, useT } from './hooks';
import { MeetingLinks } from './MeetingLinks';
import { SummaryActions } from './SummaryActions';
import { ToolSummary, type SummaryOrigin } from './ToolSummary';

export type View =
  { name: 'home' } | { name: 'summary'; toolId: string; origin: SummaryOrigin } | { name: 'compare'; slots: string[] };

/** What the popup opens on: the tab it describes, or a tool chosen elsewhere (the link menu's `?tool=`). */

interface Props {
  registry: RegistryView;
  opening: Opening;
  /** The tools the tab's page links to; resolves once the page scan is done. */
  links: Promise<PageLinks>;
  /** Puts text on the clipboard. */
  copyText: (text: string) => Promise<void>;
  /** The keyboard shortcut that opens the popup, if one is set. */
  shortcut?: string | null;
}

function initialView(registry: RegistryView, opening: Opening): View {
  if (opening.kind === 'tool') {
    return registry.byId.has(opening.toolId)
      ? { name: 'summary', toolId: opening.toolId, origin: { kind: 'link' } }
      : { name: 'home' };
  }
  const detection = opening.tabState?.detection;
  return detection && registry.byId.has(detection.toolId)
    ? { name: 'summary', toolId: detection.toolId, origin: { kind: 'detected', detection } }
    : { name: 'home' };
}

/** The first columns to compare: the given tool, then pinned tools, then the registry's first tools; the rest empty. */
function compareSlots(registry: RegistryView, pinned: readonly string[], first?: string): string[] {
  const ids = [...new Set([first, ...pinned, ...registry.catalog.map((tool) => tool.id)])].filter((id): id is string =>
    Boolean(id && registry.byId.has(id)),
  );
  const filled = first ? 2 : Math.min(Math.max(pinned.length, 2), COMPARE_SLOTS);
  return Array.from({ length: COMPARE_SLOTS }, (_, slot) => (slot < filled ? (ids[slot] ?? '') : ''));
}

function DroppedNotice() {
  const t = useT();
  const dropped = usePopupStore((state) => state.dropped);
  const dismiss = usePopupStore((state) => state.dismissDropped);
  if (!dropped) return null;
  return (
    <div className="notice" role="status">
      <p>
        <strong>{t('droppedTitle')}</strong> {t(`dropped.${dropped.backup ?? 'kept'}`)}
      </p>
      <button type="button" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}

/**
 * The home view's head: on a page that links to meetings (a mail, a calendar), those meetings, as the page's
 * heading; otherwise that no tool was found here. Waits for the page scan, so it never says "no tool" first.
 */
function PageHead({
  registry,
  links,
  unknownLink,
  onOpen,
}: {
  registry: RegistryView;
  links: Promise<PageLinks>;
  unknownLink: boolean;
  onOpen: (toolId: string) => void;
}) {
  const t = useT();
  const { tools, truncated } = use(links);
  if (!unknownLink && (truncated || tools.some((link) => registry.byId.has(link.toolId)))) {
    return <MeetingLinks registry={registry} links={links} variant="invitation" onOpen={onOpen} />;
  }
  return (
    <div className="empty-state">
      <h1>{t(unknownLink ? 'linkNotKnown' : 'noToolTitle')}</h1>
      <p>{t('noToolText')}</p>
    </div>
  );
}

interface SummaryProps {
  registry: RegistryView;
  view: Extract<View, { name: 'summary' }>;
  onCompare: (toolId: string) => void;
  copyText: (text: string) => Promise<void>;
}

function Summary({ registry, view, onCompare, copyText }: SummaryProps) {
  const pinned = usePopupStore((state) => state.pins.some((pin) => pin.toolId === view.toolId));
  const togglePin = usePopupStore((state) => state.togglePin);
  return (
    <ToolSummary
      registry={registry}
      toolId={view.toolId}
      origin={view.origin}
      actions={
        <SummaryActions
          registry={registry}
          toolId={view.toolId}
          pinned={pinned}
          onTogglePin={() => togglePin(view.toolId)}
          onCompare={() => onCompare(view.toolId)}
          copyText={copyText}
        />
      }
    />
  );
}

export function App({ registry, opening, links, copyText, shortcut }: Props) {
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<View>(() => initialView(registry, opening));
  const pins = usePopupStore((state) => state.pins);
  const { setLang, togglePin, movePin } = usePopupStore.getState();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const openSummary = (toolId: string, from: 'list' | 'pins' | 'link') =>
    setView({ name: 'summary', toolId, origin: { kind: from } });
  const openCompare = (first?: string) =>
    setView({
      name: 'compare',
      slots: compareSlots(
        registry,
        pins.map((pin) => pin.toolId),
        first,
      ),
    });
  const openLinked = (toolId: string) => openSummary(toolId, 'link');
  const linksBelow = (except: string) => (
    <Suspense fallback={null}>
      <MeetingLinks registry={registry} links={links} except={except} variant="page" onOpen={openLinked} />
    </Suspense>
  );

  let content;
  switch (view.name) {
    case 'summary':
      content = (
        <>
          <Summary registry={registry} view={view} onCompare={openCompare} copyText={copyText} />
          {view.origin.kind === 'detected' && linksBelow(view.toolId)}
        </>
      );
      break;
    case 'compare':
      content = (
        <Compare
          registry={registry}
          slots={view.slots}
          onSelect={(slot, toolId) =>
            setView({ name: 'compare', slots: view.slots.map((id, index) => (index === slot ? toolId : id)) })
          }
          copyText={copyText}
        />
      );
      break;
    case 'home':
      content = (
        <>
          <Suspense fallback={null}>
            <PageHead registry={registry} links={links} unknownLink={opening.kind === 'tool'} onOpen={openLinked} />
          </Suspense>
          <Home
            registry={registry}
            pins={pins}
            onOpen={openSummary}
            onUnpin={togglePin}
            onMove={movePin}
            onCompare={() => openCompare()}
          />
          {shortcut && <p className="muted shortcut">{t('shortcutHint', { shortcut })}</p>}
        </>
      );
  }

  return (
    <>
      <Header onBack={view.name === 'home' ? undefined : () => setView({ name: 'home' })} onLang={setLang} />
      <main>
        <DroppedNotice />
        <Suspense fallback={null}>{content}</Suspense>
      </main>
    </>
  );
}
