/**
 * Renders its children only in the browser, after hydration: the server and the first
 * client render both show the fallback, so hydration matches. The editor needs WebSocket,
 * Intl and the DOM, none of which exist during server rendering.
 */
import { useEffect, useState, type ReactNode } from "react";

export function ClientOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children : fallback}</>;
}
