import pageStrings from '../../../data/ui-strings-registry-page.json';
import { addStrings } from '@/lib/shared/i18n';

// Imported for its effect by every module that uses the registry page's strings, so they are there before use.
addStrings(pageStrings);
