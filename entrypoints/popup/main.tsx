import '@/lib/ui/strings';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { loadPopup } from '@/lib/ui/popup-start';
import './style.css';

const { registry, opening, shortcut, links, scanLinks } = await loadPopup(location.search);
// Everything the first screen needs is at hand: render it now, in this task, rather than in one React schedules.
flushSync(() =>
  createRoot(document.getElementById('root')!).render(
    <App
      registry={registry}
      opening={opening}
      shortcut={shortcut}
      links={links}
      copyText={(text) => navigator.clipboard.writeText(text)}
    />,
  ),
);
// Reading the page for its meeting links waits until the first screen is on display.
requestAnimationFrame(() => setTimeout(scanLinks, 0));
