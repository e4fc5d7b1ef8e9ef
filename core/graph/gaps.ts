/**
 * Which Graph refusals are gaps (the pull goes on, the snapshot records them) and which are
 * failures (the pull stops). A tenant without Entra ID P1/P2, or a sign-in without one
 * permission, must not cost the consultant the rest of the evidence.
 *
 * - 403: permission missing, or a licence missing when Graph says so
 *   (`Authentication_RequestFromNonPremiumTenantOrB2CTenant`, "premium license").
 * - 400 `AadPremiumLicenseRequired`: PIM without Entra ID P2.
 * - 404: the API is not offered here (e.g. Secure Score in the 21Vianet cloud; SharePoint
 *   settings in a tenant without SharePoint).
 * Anything else (401 after a fresh token, 5xx after retries, connection failures) fails the pull.
 */
import type { GraphGapKind } from './snapshot';

/** What the collector knows about a refused request. */
export interface GraphRefusal {
  httpStatus: number;
  code: string | null | undefined;
  message: string | null | undefined;
}

const LICENCE_CODES = new Set(['aadpremiumlicenserequired', 'authentication_requestfromnonpremiumtenantorb2ctenant']);
const LICENCE_TEXT = /premium licen[cs]e|licen[cs]e is required|requires? (an? )?(microsoft entra id |azure ad )?p[12]\b/i;

/** The gap kind for a refusal, or undefined when the refusal must fail the pull. */
export function classifyRefusal(refusal: GraphRefusal): GraphGapKind | undefined {
  const code = (refusal.code ?? '').toLowerCase();
  const message = refusal.message ?? '';
  const licence = LICENCE_CODES.has(code) || LICENCE_TEXT.test(message);
  if (refusal.httpStatus === 403) return licence ? 'licence' : 'permission';
  if (refusal.httpStatus === 400 && licence) return 'licence';
  if (refusal.httpStatus === 404) return 'not-available';
  return undefined;
}
