import {
  badgeTitleApp,
  badgeTitleEmbedded,
  badgeTitleMeeting,
  linkMenu,
  registryPageLink,
} from '../../data/ui-strings.json';
import { addStrings } from '@/lib/shared/i18n';

// The only interface strings the background shows: the toolbar icon's titles and its menu entries. Named imports
// keep the rest of the file out of the service worker; the background's first import, so they are there in time.
addStrings({ badgeTitleApp, badgeTitleEmbedded, badgeTitleMeeting, linkMenu, registryPageLink });
