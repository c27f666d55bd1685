import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/** After a client-side navigation, screen readers and keyboards start at the new page's content. */
export function FocusOnNavigation() {
  const [location] = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    document.getElementById('main')?.focus();
  }, [location]);
  return null;
}
