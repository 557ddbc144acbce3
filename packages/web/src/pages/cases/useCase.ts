// The case file of the case page: fetched when the page opens (or the id changes), replaced by the
// answer of every case action, fetched again on demand (after a stale version).
import { useCallback, useEffect, useState } from "react";
import { getCase, type CaseFile } from "../../services/cases";

export function useCase(id: string) {
  const [file, setFile] = useState<CaseFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getCase(id).then(
      (f) => live && setFile(f),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id]);

  /** Fetches the case again (outside an effect: after an action was refused as stale). */
  const reload = useCallback(async () => {
    try {
      setFile(await getCase(id));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);

  return { file, setFile, error, reload };
}

/**
 * The step a phone shows: the one the user turned to, or (null) the step the case is at. When the
 * case moves on (a decision, a scheduled follow-up …), the phone follows it: adjusted while
 * rendering, not in an effect.
 */
export function useViewStep(current: number) {
  const [viewStep, setViewStep] = useState<number | null>(null);
  const [viewedAt, setViewedAt] = useState(current);
  if (viewedAt !== current) {
    setViewedAt(current);
    setViewStep(null);
  }
  return [viewStep ?? current, setViewStep] as const;
}
