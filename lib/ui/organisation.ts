import { translator } from '@/lib/shared/i18n';
import type { Lang } from '@/lib/shared/lang';
import { localise, verdictFor, type ParsedPolicy, type PolicyText, type Verdict } from '@/lib/shared/policy';
import type { Line } from '@/lib/ui/summary';

// The first screen's part of the summary: small, in the popup's start-up bundle; the rest of the summary
// (summary.ts) loads with the details.

/** The organisation's word on a tool, from its policy: kept apart from the provider's facts everywhere. */
export interface OrganisationModel {
  verdict?: { value: Verdict; text: string };
  /** "Statements by <organisation>". */
  title: string;
  /** Its own terms for the tool: legal basis, retention, agreement, note. */
  terms: Line[];
  /** Where to read and ask more: its privacy notice and contact. */
  reach: Line[];
}

/**
 * What the organisation's policy says about one tool, in the display language; undefined without a policy or
 * with nothing to say. A text the organisation gave in the other language only is kept, marked as such.
 */
export function organisationModel(parsed: ParsedPolicy, toolId: string, lang: Lang): OrganisationModel | undefined {
  const { policy } = parsed;
  if (!policy) return undefined;
  const t = translator(lang);
  const org = policy.organisation.name ?? t('policy.unnamed');
  const status = verdictFor(policy, toolId);
  const entry = policy.tools.get(toolId);
  const own = (lead: string, value: PolicyText | undefined): Line[] => {
    const shown = localise(value, lang);
    return shown ? [{ lead, text: shown.text, ...(shown.lang !== lang && { textLang: shown.lang }) }] : [];
  };
  const { noticeUrl, contact } = policy.organisation;
  const terms: Line[] = [
    ...own(t('policy.legalBasis'), entry?.legalBasis),
    ...own(t('policy.retention'), entry?.retention),
    ...(entry?.agreement ? [{ lead: t('policy.agreement'), text: t(`policy.agreement.${entry.agreement}`) }] : []),
    ...own(t('policy.note'), entry?.note),
  ];
  const reach: Line[] = [
    ...(noticeUrl ? [{ text: t('policy.notice', { org }), href: noticeUrl }] : []),
    ...(contact ? [{ lead: t('policy.contact'), text: contact }] : []),
  ];
  if (!status && !terms.length && !reach.length) return undefined;
  return {
    verdict: status && { value: status, text: t(`verdict.${status}`, { org }) },
    title: t('policy.statements', { org }),
    terms,
    reach,
  };
}
