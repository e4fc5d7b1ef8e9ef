import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { ContentPack } from '../../../core/content/types';
import { preflight, type PreflightResult } from '../../../core/report/preflight';
import { loadTemplate, type TemplateFile } from '../../../core/report/template';
import { dumpToBundle } from '../../bundle/bundle-mapping';
import { readDump } from '../../bundle/bundle-store';
import { bundledTemplateFiles } from '../../content/bundled-template';
import type { DeliverableSettingsRecord } from '../../db/database';
import { getDeliverableSettings } from '../../db/deliverable-repository';

/**
 * The assessment's deliverable settings (live) and its pre-flight check, run again whenever the
 * settings or the acceptances change, the template changes, or the consultant asks. The check is
 * pure and quick; reading the assessment is what takes the time.
 */
export function usePreflight(assessmentId: string, pack: ContentPack, templateFiles: TemplateFile[] | undefined) {
  // null: no settings stored yet; undefined: still reading
  const settings = useLiveQuery(async () => (await getDeliverableSettings(assessmentId)) ?? null, [assessmentId]);
  const [result, setResult] = useState<PreflightResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);
  const refresh = useCallback(() => setRuns((n) => n + 1), []);
  const stamp = settings?.updatedAt;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const bundle = dumpToBundle(await readDump(assessmentId));
      const { template } = loadTemplate(templateFiles ?? bundledTemplateFiles());
      return preflight({ bundle, pack, ...(template ? { template } : {}) });
    })()
      .then((r) => {
        if (cancelled) return;
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [assessmentId, pack, templateFiles, stamp, runs]);

  return { settings: settings as DeliverableSettingsRecord | null | undefined, result, error, refresh };
}
