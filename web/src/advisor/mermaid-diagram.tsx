import { useEffect, useId, useState } from 'react';

/** Draws a Mermaid diagram in the page with the bundled mermaid library (loaded on first use). */
export function MermaidDiagram({ code, label }: { code: string; label: string }) {
  const id = `mermaid-${useId().replace(/[^\w-]/g, '')}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const { default: mermaid } = await import('mermaid');
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'system-ui, sans-serif' });
        const out = await mermaid.render(id, code);
        if (live) setSvg(out.svg);
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [code, id]);
  if (error) return <pre className="error">{error}</pre>;
  return (
    <figure className="diagram">
      {svg ? <div role="img" aria-label={label} className="mermaid-svg" dangerouslySetInnerHTML={{ __html: svg }} /> : <p className="muted">Drawing the pathway…</p>}
      <figcaption>
        <details>
          <summary>Mermaid source</summary>
          <pre>{code}</pre>
        </details>
      </figcaption>
    </figure>
  );
}
