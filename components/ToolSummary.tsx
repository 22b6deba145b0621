import { useEffect, type ReactNode } from 'react';
import type { Detection } from '@/lib/detection/engine';
import { citeArticle, describeMechanisms, describeThirdCountry } from '@/lib/format';
import { countryName, formatDate } from '@/lib/i18n';
import type { Section, Tool } from '@/lib/registry/schema';
import { ExternalLink } from './ExternalLink';
import { useLang, useT } from './hooks';
import { Unconfirmed } from './Unconfirmed';

export type SummaryOrigin = { kind: 'detected'; detection: Detection } | { kind: 'list' } | { kind: 'pins' };

interface Props {
  tool: Tool;
  origin: SummaryOrigin;
  dataAsOf: string;
  actions?: ReactNode;
}

function SectionBlock({ id, title, tool, children }: { id: Section; title: string; tool: Tool; children: ReactNode }) {
  const t = useT();
  const refs = tool.sources.flatMap((source, index) => (source.covers.includes(id) ? [index + 1] : []));
  return (
    <section aria-labelledby={`section-${id}`} className="section">
      <h2 id={`section-${id}`}>{title}</h2>
      {children}
      {refs.length > 0 && (
        <p className="source-refs">
          {t('sourcesFor')}{' '}
          {refs.map((n) => (
            <a key={n} href={`#source-${n}`} className="source-ref">
              [{n}]
            </a>
          ))}
        </p>
      )}
    </section>
  );
}

function Origin({ origin }: { origin: SummaryOrigin }) {
  const t = useT();
  if (origin.kind === 'list') return <p className="origin">{t('openedFromList')}</p>;
  if (origin.kind === 'pins') return <p className="origin">{t('openedFromPins')}</p>;
  const { detection } = origin;
  const evidence = detection.evidence.map(({ type, value }) => t(`evidence.${type}`, { value }));
  return (
    <p className="origin detected">
      <span className={`dot ${detection.context}`} aria-hidden="true" />
      {t('detectedVia')} · {t(`context.${detection.context}`)} · {evidence.join(', ')}
    </p>
  );
}

/** The structured privacy summary of one tool, in the display language. Registry text is rendered as text only. */
export function ToolSummary({ tool, origin, dataAsOf, actions }: Props) {
  const t = useT();
  const lang = useLang();
  const { provider, links, transfer, dpa, residency, status } = tool;

  useEffect(() => {
    performance.mark('summary-rendered');
  }, [tool.id]);

  return (
    <article className="summary" aria-labelledby="tool-name">
      <header className="tool-head">
        <h1 id="tool-name">{tool.name[lang]}</h1>
        {actions}
        <Origin origin={origin} />
        {status.state === 'discontinued' && (
          <div className="status-discontinued" role="note">
            <strong>{t('discontinuedSince', { date: formatDate(status.since, lang) })}</strong> {status.note[lang]}
            <Unconfirmed note={status.unconfirmed} />
          </div>
        )}
        {status.state === 'active' && <Unconfirmed note={status.unconfirmed} />}
      </header>

      <p className="lead">{tool.summary[lang]}</p>

      <SectionBlock id="provider" title={t('provider')} tool={tool}>
        <address>
          <strong>{provider.name}</strong>
          <br />
          {provider.address}
          <br />
          {t('country')}: {countryName(provider.country, lang)} · {t(`hosting.${tool.hosting}`)}
        </address>
        {provider.euEntity && (
          <p className="eu-entity">
            {provider.euEntity.role[lang]}: {provider.euEntity.name}, {provider.euEntity.address}
          </p>
        )}
        <Unconfirmed note={provider.unconfirmed} />
        <ul className="links" aria-label={t('links')}>
          {(['de', 'en'] as const).map((policyLang) => {
            const link = links.privacyPolicy[policyLang];
            return link ? (
              <li key={policyLang} lang={policyLang}>
                <ExternalLink href={link.url}>
                  {t('privacyPolicy')} ({policyLang.toUpperCase()})
                </ExternalLink>
                <Unconfirmed note={link.unconfirmed} />
              </li>
            ) : null;
          })}
          {links.dpa && (
            <li>
              <ExternalLink href={links.dpa.url}>{t('dpaDocument')}</ExternalLink>
              <Unconfirmed note={links.dpa.unconfirmed} />
            </li>
          )}
          {links.more?.map((link) => (
            <li key={link.url}>
              <ExternalLink href={link.url}>{link.title[lang]}</ExternalLink>
              <Unconfirmed note={link.unconfirmed} />
            </li>
          ))}
        </ul>
      </SectionBlock>

      <SectionBlock id="collected" title={t('collected')} tool={tool}>
        {tool.collected.map((group) => (
          <div key={group.category} className="category" data-category={group.category}>
            <h3>{t(`category.${group.category}`)}</h3>
            {group.note && <p className="note">{group.note[lang]}</p>}
            <ul>
              {group.items.map((item) => (
                <li key={item.en}>{item[lang]}</li>
              ))}
            </ul>
            <Unconfirmed note={group.unconfirmed} />
          </div>
        ))}
      </SectionBlock>

      <SectionBlock id="legalBases" title={t('legalBases')} tool={tool}>
        <dl className="bases">
          {tool.legalBases.map((basis) => (
            <div key={basis.article}>
              <dt>{citeArticle(basis.article, lang)}</dt>
              <dd>
                {basis.appliesWhen[lang]}
                {basis.note && <> {basis.note[lang]}</>}
                {basis.revocable && !basis.note && <> {t('consentRevocable')}.</>}
              </dd>
            </div>
          ))}
        </dl>
      </SectionBlock>

      <SectionBlock id="retention" title={t('retention')} tool={tool}>
        <ul className="rules">
          {tool.retention.map((rule) => (
            <li key={rule.trigger.en} data-scope={rule.scope}>
              <strong>{rule.trigger[lang]}:</strong> {rule.outcome[lang]}{' '}
              <span className="scope">({t(`scope.${rule.scope}`)})</span>
              <Unconfirmed note={rule.unconfirmed} />
            </li>
          ))}
        </ul>
      </SectionBlock>

      <SectionBlock id="dpa" title={t('dpa')} tool={tool}>
        <p>
          <strong>{t(`dpa.${dpa.status}`)}.</strong> {dpa.note[lang]}
        </p>
        <Unconfirmed note={dpa.unconfirmed} />
      </SectionBlock>

      <SectionBlock id="transfer" title={t('transfer')} tool={tool}>
        <p>
          <strong>{describeThirdCountry(transfer, lang)}</strong>
          {' · '}
          {t('mechanisms')}: {describeMechanisms(transfer, lang)}
        </p>
        <p>{transfer.note[lang]}</p>
        <Unconfirmed note={transfer.unconfirmed} />
        <h3>{t('residency')}</h3>
        <p>
          <strong>{t(`residency.${residency.available}`)}.</strong> {residency.note[lang]}
        </p>
        <Unconfirmed note={residency.unconfirmed} />
      </SectionBlock>

      {tool.notable.length > 0 && (
        <SectionBlock id="notable" title={t('notable')} tool={tool}>
          <ul className="notable">
            {tool.notable.map((item) => (
              <li key={item.text.en}>
                <strong>{t(`notable.${item.kind}`)}:</strong> {item.text[lang]}
                <Unconfirmed note={item.unconfirmed} />
              </li>
            ))}
          </ul>
        </SectionBlock>
      )}

      <section aria-labelledby="section-sources" className="section sources">
        <h2 id="section-sources">{t('sources')}</h2>
        <ol>
          {tool.sources.map((source, index) => (
            <li key={source.url ?? source.title} id={`source-${index + 1}`}>
              {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : <span>{source.title}</span>}{' '}
              <span className="muted">({t('accessed', { date: formatDate(source.accessed, lang) })})</span>
            </li>
          ))}
        </ol>
        <p className="muted">
          {t('lastReviewed', { date: formatDate(tool.lastReviewed, lang) })} · {t('dataAsOf', { date: formatDate(dataAsOf, lang) })}
        </p>
      </section>
    </article>
  );
}
