using System.Text;
using Microsoft.AspNetCore.Http;
using Versus.Reports.Html;

namespace Versus.Serve.Pages;

/// <summary>
/// The dashboard's only files, held in memory: no request path is ever mapped to the file system. The style sheet is the
/// report's own plus the dashboard's navigation and forms; live.js follows a run's event stream.
/// </summary>
internal static class StaticAssets
{
    private const string DashboardCss = """
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 10; }
        .skip:focus { left: .5rem; }
        header.site { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
        header.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1.2rem; padding: .6rem 1rem; margin: 0; align-items: baseline; }
        header.site .brand { font-weight: 700; }
        header.site a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        main { max-width: 80rem; margin: 0 auto; padding: 0 1rem 3rem; }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, iframe:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        form.filter { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: 1rem 0; }
        .scroll { overflow-x: auto; }
        table caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        .status-completed { color: #1d6b2c; }
        .status-completed-with-failures, .status-failed { color: #a1261a; }
        .status-cancelled, .status-running { color: #6b4a00; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.facts div { display: contents; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        iframe.report { width: 100%; height: 85vh; border: 1px solid #ccc; border-radius: 6px; }
        .error { color: #a1261a; font-weight: 600; }
        .field-error { color: #a1261a; margin: .2rem 0; }
        .hint { color: #444; }
        fieldset { margin: 1rem 0; border: 1px solid #bbb; border-radius: 6px; }
        .choice { margin: .3rem 0; }
        .field { margin: .6rem 0; }
        button { font: inherit; padding: .4rem 1rem; }
        progress { width: min(30rem, 100%); height: 1.2rem; }
        ol#lines { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9rem; }
        ol#lines li { white-space: pre-wrap; overflow-wrap: anywhere; }
        ol#lines li.result { color: #1d3b6b; }
        .pager ul { list-style: none; display: flex; gap: 1rem; padding: 0; }
        """;

    private const string LiveJs = """
        "use strict";
        // Follows the run's Server-Sent Events: each line appended as it lands, the progress bar and status updated,
        // the report linked when the run ends and opened when it completed. The page is complete without it; this
        // only keeps it current.
        (() => {
          const root = document.getElementById("live");
          if (!root) return;
          const lines = document.getElementById("lines");
          const progress = document.getElementById("progress");
          const status = document.getElementById("status");
          const finished = document.getElementById("finished");
          const cancel = document.getElementById("cancel");
          const source = new EventSource(root.dataset.events + "?after=" + encodeURIComponent(root.dataset.after));
          source.addEventListener("run", (message) => {
            const e = JSON.parse(message.data);
            const item = document.createElement("li");
            item.className = e.kind;
            item.textContent = e.text;
            lines.appendChild(item);
            if (e.total) { progress.max = e.total; }
            progress.value = e.done;
            progress.textContent = e.done + " of " + (e.total || 0);
            status.textContent = e.status;
            if (e.kind === "finished") {
              cancel.hidden = true;
              if (e.report) {
                const p = document.createElement("p");
                const a = document.createElement("a");
                a.id = "report-link";
                a.href = e.report;
                a.textContent = "Open the report of run " + e.runId;
                p.appendChild(a);
                finished.replaceChildren(p);
              }
              if (e.open) {
                source.close();
                window.location.assign(e.open);
              }
            }
          });
          source.addEventListener("end", () => source.close());
        })();
        """;

    public static IResult Css() => Asset(ChartHtml.StyleSheet + "\n" + DashboardCss, "text/css; charset=utf-8");

    public static IResult Live() => Asset(LiveJs, "text/javascript; charset=utf-8");

    private static IResult Asset(string text, string contentType) => Results.Bytes(Encoding.UTF8.GetBytes(text), contentType);
}
