import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { loadPopup } from '@/lib/popup-start';
import './style.css';

const { registry, opening, links } = await loadPopup(location.search);
createRoot(document.getElementById('root')!).render(
  <App registry={registry} opening={opening} links={links} copyText={(text) => navigator.clipboard.writeText(text)} />,
);
