import type { ReactNode } from 'react';
import type { Lang } from '@/lib/shared/lang';
import type { Tool } from '@/lib/shared/registry/build/schema';
import type { RegistryView } from '@/lib/ui/popup-registry';
import { buildSummary, type Block, type SummaryModel, type SummarySection } from '@/lib/ui/summary';
import { ExternalLink } from './ExternalLink';
import { readTool, useLang, useT } from './hooks';
import { LineView } from './LineView';

/**
 * The summary's details, loaded after the first screen: they read the tool's full entry and its summary
 * model, which the first screen does without.
 */

/** Opens a detail section and moves to an element in it (the section itself, or a source in the list). */
export type Reveal = (section: string, elementId?: string) => void;

/** The summary model of a full entry, built once per tool and language. */
const models = new WeakMap<Tool, Partial<Record<Lang, SummaryModel>>>();
function summaryOf(tool: Tool, lang: Lang, dataAsOf: string): SummaryModel {
  const byLang = models.get(tool) ?? {};
  models.set(tool, byLang);
  return (byLang[lang] ??= buildSummary(tool, lang, dataAsOf));
}

function SourceRef({ number, reveal }: { number: number; reveal: Reveal }) {
  return (
    <a
      href={`#source-${number}`}
      className="source-ref"
      onClick={(event) => {
        event.preventDefault();
        reveal('sources', `source-${number}`);
      }}
    >
      [{number}]
    </a>
  );
}

function BlockView({ block, reveal }: { block: Block; reveal: Reveal }) {
  const t = useT();
  switch (block.kind) {
    case 'heading':
      return <h4>{block.text}</h4>;
    case 'paragraph':
      return (
        <p>
          <LineView line={block.line} />
        </p>
      );
    case 'list':
    case 'links':
      return (
        <ul className={block.kind}>
          {block.lines.map((line, index) => (
            <li key={index}>
              <LineView line={line} />
            </li>
          ))}
        </ul>
      );
    case 'statement':
      return (
        <blockquote className="statement">
          {t('accordingTo', { source: block.sourceTitle })} <SourceRef number={block.source} reveal={reveal} />:{' '}
          {block.text}
        </blockquote>
      );
  }
}

/** Reads the full entry (suspending while it loads) and gives its summary model to `children`. */
function WithModel({
  registry,
  toolId,
  children,
}: {
  registry: RegistryView;
  toolId: string;
  children: (model: SummaryModel) => ReactNode;
}) {
  const lang = useLang();
  const tool = readTool(registry, toolId);
  return tool ? children(summaryOf(tool, lang, registry.dataAsOf)) : null;
}

function SectionContent({ model, id, reveal }: { model: SummaryModel; id: SummarySection; reveal: Reveal }) {
  const t = useT();
  const section = model.sections.find((candidate) => candidate.id === id);
  if (!section) return null;
  return (
    <>
      {section.blocks.map((block, index) => (
        <BlockView key={index} block={block} reveal={reveal} />
      ))}
      {section.sources.length > 0 && (
        <p className="source-refs">
          {t('sourcesFor')}{' '}
          {section.sources.map((number) => (
            <SourceRef key={number} number={number} reveal={reveal} />
          ))}
        </p>
      )}
    </>
  );
}

function Sources({ model }: { model: SummaryModel }) {
  return (
    <ol className="sources">
      {model.sources.map((source) => (
        <li key={source.number} id={`source-${source.number}`} tabIndex={-1}>
          {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}{' '}
          <span className="muted">
            ({source.kind}; {source.accessed})
          </span>
        </li>
      ))}
    </ol>
  );
}

/** What of the details to show: a section, the list of sources, or the footer with the data-as-of date. */
export type DetailPart = SummarySection | 'sources' | 'footer';

/** One part of a tool's details; suspends while the tool's full entry loads. */
export default function DetailContent({
  registry,
  toolId,
  part,
  reveal,
}: {
  registry: RegistryView;
  toolId: string;
  part: DetailPart;
  reveal: Reveal;
}) {
  return (
    <WithModel registry={registry} toolId={toolId}>
      {(model) =>
        part === 'sources' ? (
          <Sources model={model} />
        ) : part === 'footer' ? (
          <p className="muted footer">{model.footer}</p>
        ) : (
          <SectionContent model={model} id={part} reveal={reveal} />
        )
      }
    </WithModel>
  );
}
