import '@/lib/ui/strings';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { RegistryPage, MAX_PICKS } from '@/components/registry-page/RegistryPage';
import { downloadText } from '@/lib/ui/download';
import { languageFor } from '@/lib/shared/lang';
import { readPolicy } from '@/lib/shared/policy';
import { bundledTableData } from '@/lib/ui/registry-page/data';
import { pickedTools } from '@/lib/ui/registry-page/picks';
import { hydratePreferences, usePopupStore } from '@/lib/ui/store';
import './style.css';

// The organisation's verdicts fill in when its policy has been read; the provider's facts never wait for it.
void readPolicy().then((policy) => usePopupStore.setState({ policy }));
// The language is the popup's, one stored preference: switching here switches there, and back.
await hydratePreferences(languageFor(browser.i18n.getUILanguage()));
createRoot(document.getElementById('root')!).render(
  <RegistryPage
    data={bundledTableData}
    initialPicks={pickedTools(location.search, MAX_PICKS)}
    copyText={(text) => navigator.clipboard.writeText(text)}
    download={downloadText}
  />,
);
