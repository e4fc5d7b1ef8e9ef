import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage } from './hooks/use-storage-persistence';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
void requestPersistentStorage();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
