import pageStrings from '../../data/ui-strings.json';
import { addStrings } from '@/lib/shared/i18n';

// The extension pages' interface strings; the first import of every page, so they are there before any text.
addStrings(pageStrings);
