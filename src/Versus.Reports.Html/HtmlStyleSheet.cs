namespace Versus.Reports.Html;

/// <summary>
/// The page's only style sheet, inline. System fonts only (a web font would be a request); a reading width for prose
/// and a wider one for tables and charts (a quick run's tables have eight to eleven columns of figures); tables that
/// scroll instead of widening the page; print rules that keep a figure or table row on one page.
/// </summary>
internal static class HtmlStyleSheet
{
    public const string Css = """

        :root { --ink: #1d1d1f; --muted: #5a5a60; --rule: #d8d8de; --accent: #0072B2; --note: #fff7e0; --code: #f2f2f5; }
        * { box-sizing: border-box; }
        html { font-size: 100%; -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        main, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
        main { padding-top: 1.5rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.45rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
        p, ul { margin: 0.6rem 0; max-width: 62rem; }
        a { color: var(--accent); }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
          font-size: 0.9em; background: var(--code); padding: 0.05em 0.3em; border-radius: 3px; }
        strong { font-weight: 700; }
        .note { background: var(--note); border-left: 4px solid #E69F00; padding: 0.5rem 0.75rem; font-size: 0.95rem; }
        .toc { background: #f7f7f9; border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1.25rem; margin: 1rem 0 2rem; }
        .toc h2 { font-size: 1.05rem; border: 0; margin: 0.4rem 0; padding: 0; }
        .toc ol { margin: 0; padding-left: 1.25rem; columns: 2 18rem; }
        .toc li { margin: 0.15rem 0; }
        .toc .toc-l3 { margin-left: 1.25rem; list-style: circle; font-size: 0.95rem; }
        .table-wrap { overflow-x: auto; margin: 0.75rem 0 1.25rem; max-width: 100%; }
        .table-wrap:focus { outline: 2px solid var(--accent); }
        table { border-collapse: collapse; font-size: 0.92rem; min-width: 50%; }
        caption { text-align: left; font-weight: 600; color: var(--muted); padding: 0.25rem 0; caption-side: top; }
        th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f2f4f7; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.fig { white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafafc; }
        details.fold { margin: 0.75rem 0 1.25rem; }
        details.fold > summary { cursor: pointer; color: var(--accent); font-size: 0.95rem; }
        .chart { margin: 1.5rem 0 2rem; }
        figure { margin: 0; border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem; background: #fff; }
        figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
        figure svg text { font-family: "DejaVu Sans", Verdana, "Bitstream Vera Sans", sans-serif; }
        figcaption { padding: 0.5rem 0.25rem 0.25rem; font-size: 0.95rem; color: var(--muted); }
        .chart-title { display: block; font-weight: 700; font-size: 1.05rem; color: var(--ink); }
        .chart-error { color: #a33; font-weight: 600; }
        .chart-data { font-size: 0.88rem; }
        footer { margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); }
        @media (max-width: 40rem) { h1 { font-size: 1.5rem; } main, footer { padding: 0 0.75rem; } }
        @media print {
          body { font-size: 10.5pt; }
          main, footer { max-width: none; padding: 0; }
          .toc { display: none; }
          a { color: inherit; text-decoration: none; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          figure, table, tr, .note { break-inside: avoid; page-break-inside: avoid; }
          .table-wrap { overflow: visible; }
          details.fold > summary { display: none; }
          details.fold::details-content { content-visibility: visible; display: contents; }
          figure { border: 0; }
        }

        """;
}
