// The interface strings, as every extension page adds them with its first import.
import '@/lib/ui/strings';
