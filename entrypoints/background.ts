import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '@/lib/background';

export default defineBackground(() => {
  registerBackground();
});
