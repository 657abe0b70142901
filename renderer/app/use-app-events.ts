import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { bridge } from '../bridge/api';
import { OPEN_EVENT_ROUTES } from '../../shared/ipc/open-routes';

/**
 * What main asks the page to show: a page chosen in the application menu (Gå/Go, Ctrl/Cmd+number), or the
 * submission a clicked notification was about.
 */
export function useAppNavigation() {
  const navigate = useNavigate();
  useEffect(() => {
    const off = [
      bridge().on('app.navigate', ({ path }) => void navigate(path)),
      bridge().on('outbox.open', (payload) => void navigate(OPEN_EVENT_ROUTES['outbox.open'](payload))),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, [navigate]);
}
