import { useEffect, useState } from 'react';
import { onMainEvent } from '../bridge/demarc-client';
import { useUiStore } from '../stores/ui-store';

const query = '(prefers-color-scheme: dark)';

/** The scheme to render: the user's choice, or the operating system's when set to system. */
export function useColorScheme(): 'light' | 'dark' {
  const preference = useUiStore((s) => s.themePreference);
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(query).matches);

  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    const unsubscribe = onMainEvent('app:native-theme-updated', ({ shouldUseDarkColors }) => setSystemDark(shouldUseDarkColors));
    return () => {
      media.removeEventListener('change', onChange);
      unsubscribe();
    };
  }, []);

  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}
