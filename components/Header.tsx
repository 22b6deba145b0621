import { LANGS, type Lang } from '@/lib/shared/lang';
import { translator } from '@/lib/shared/i18n';
import { useLang, useT } from './hooks';

interface Props {
  onBack?: () => void;
  onLang: (lang: Lang) => void;
}

export function Header({ onBack, onLang }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <header className="app-bar">
      {onBack ? (
        <button type="button" className="back" onClick={onBack}>
          <span aria-hidden="true">←</span> {t('back')}
        </button>
      ) : (
        <span className="app-name">{t('appName')}</span>
      )}
      <div className="lang-switch" role="group" aria-label={t('language')}>
        {LANGS.map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            aria-pressed={option === lang}
            aria-label={translator(option)('languageName')}
            onClick={() => onLang(option)}
          >
            {option.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
