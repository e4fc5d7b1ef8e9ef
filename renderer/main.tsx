import './zod-setup';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage } from './hooks/use-storage-persistence';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

// The CSP allows <style> elements only with this response's nonce (electron/main/csp.ts).
const nonce = document.querySelector<HTMLMetaElement>('meta[name="demarc-style-nonce"]')?.content;
const renderer = createDOMRenderer(document, nonce && !nonce.startsWith('__') ? { styleElementAttributes: { nonce } } : {});

void requestPersistentStorage();
createRoot(container).render(
  <StrictMode>
    <RendererProvider renderer={renderer} targetDocument={document}>
      <App />
    </RendererProvider>
  </StrictMode>,
);
