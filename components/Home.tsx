import { useRef, useState, type KeyboardEvent } from 'react';
import { verdictFor, type ParsedPolicy } from '@/lib/shared/policy';
import type { Pin } from '@/lib/shared/preferences';
import { listOrder } from '@/lib/shared/registry/catalog';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { filterTools } from '@/lib/ui/search';
import { usePopupStore } from '@/lib/ui/store';
import { useLang, useT } from './hooks';
import { RegistryPageLink } from './RegistryPageLink';

interface Props {
  registry: RegistryView;
  pins: readonly Pin[];
  onOpen: (toolId: string, from: 'list' | 'pins') => void;
  onUnpin: (toolId: string) => void;
  onMove: (toolId: string, delta: -1 | 1) => void;
  onCompare: () => void;
}

/** Moves focus between the list's buttons with the arrow keys. */
function arrowNavigation(list: HTMLElement | null, event: KeyboardEvent, fromInput: boolean): void {
  if (!list || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.tool-link')];
  const index = fromInput ? -1 : buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
  event.preventDefault();
  if (next < 0) list.closest('.home')?.querySelector<HTMLInputElement>('input[type=search]')?.focus();
  else buttons[Math.min(next, buttons.length - 1)]?.focus();
}

/** For administrators: whose policy this browser has, and what of it was not used, in one place. */
function PolicyReport({ parsed }: { parsed: ParsedPolicy }) {
  const t = useT();
  const { policy, ignored, more } = parsed;
  if (!policy) return null;
  const count = ignored.length + more;
  return (
    <section aria-labelledby="policy-heading" className="policy-report">
      <h2 id="policy-heading">{t('policy.title')}</h2>
      <p>
        {t('policy.setBy', {
          org: policy.organisation.name ?? t('policy.unnamed'),
          tools: policy.tools.size,
          hosts: policy.hosts.size,
        })}
      </p>
      <p>{count ? t('policy.ignored', { count }) : t('policy.nothingIgnored')}</p>
      {count > 0 && (
        <ul>
          {ignored.map((item, index) => (
            <li key={index}>
              <code>{item.path || '(root)'}</code>: {t(`policy.reason.${item.reason}`)}
            </li>
          ))}
          {more > 0 && <li>{t('policy.more', { count: more })}</li>}
        </ul>
      )}
      <p className="muted">{t('policy.forAdmins')}</p>
    </section>
  );
}

export function Home({ registry, pins, onOpen, onUnpin, onMove, onCompare }: Props) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const policy = usePopupStore((state) => state.policy);
  const approved = (id: string) => verdictFor(policy.policy, id) === 'approved';
  // Pinned first, then the organisation's approved tools, then the most used; discontinued last. The sort is
  // stable, so each group keeps listOrder's order.
  const pinned = pins.map((pin) => pin.toolId);
  const results = filterTools(listOrder(registry.catalog, pinned), query, registry.aliases).sort(
    (a, b) =>
      Number(pinned.includes(b.id)) - Number(pinned.includes(a.id)) || Number(approved(b.id)) - Number(approved(a.id)),
  );

  return (
    <div className="home">
      {pins.length > 0 && (
        <section aria-labelledby="pins-heading" className="pins">
          <div className="section-head">
            <h2 id="pins-heading">{t('pinned')}</h2>
            <button type="button" onClick={onCompare}>
              {t('compare')}
            </button>
          </div>
          <ol>
            {pins.map((pin, index) => {
              const tool = registry.byId.get(pin.toolId);
              const name = tool?.name[lang] ?? pin.toolId;
              return (
                <li key={pin.toolId} className={tool ? undefined : 'unavailable'}>
                  {tool ? (
                    <button type="button" className="tool-link" onClick={() => onOpen(tool.id, 'pins')}>
                      {name}
                    </button>
                  ) : (
                    <span className="tool-missing">{t('pinUnavailable', { id: pin.toolId })}</span>
                  )}
                  <span className="pin-actions">
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('moveUp', { tool: name })}
                      disabled={index === 0}
                      onClick={() => onMove(pin.toolId, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('moveDown', { tool: name })}
                      disabled={index === pins.length - 1}
                      onClick={() => onMove(pin.toolId, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('unpinLabel', { tool: name })}
                      onClick={() => onUnpin(pin.toolId)}
                    >
                      ×
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <section aria-labelledby="tools-heading" className="tools">
        <div className="section-head">
          <h2 id="tools-heading">{t('allTools')}</h2>
          <RegistryPageLink />
        </div>
        <label className="search">
          <span className="visually-hidden">{t('searchLabel')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            aria-controls="tool-list"
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && results[0]) onOpen(results[0].id, 'list');
              arrowNavigation(list.current, event, true);
            }}
          />
        </label>
        <p className="muted" role="status" aria-live="polite">
          {results.length ? t('resultCount', { count: results.length }) : t('noResults', { query })}
        </p>
        <ul
          id="tool-list"
          ref={list}
          className="tool-list"
          onKeyDown={(event) => arrowNavigation(list.current, event, false)}
        >
          {results.map((tool) => (
            <li key={tool.id}>
              <button type="button" className="tool-link" onClick={() => onOpen(tool.id, 'list')}>
                <span>{tool.name[lang]}</span>
                {approved(tool.id) && <span className="tag approved-tag">{t('verdictShort.approved')}</span>}
                {tool.status.state === 'discontinued' && (
                  <span className="tag muted-tag">{t('discontinuedShort')}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <PolicyReport parsed={policy} />
    </div>
  );
}
