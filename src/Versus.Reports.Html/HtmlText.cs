using System.Net;
using Versus.Reports.Model;

namespace Versus.Reports.Html;

/// <summary>
/// Text spans as HTML. Everything is encoded: report text includes worker error messages and user-supplied names, which
/// must read as words, never run as markup.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    public static string Inline(Text text) => string.Concat(text.Spans.Select(span => span.Style switch
    {
        TextStyle.Code => $"<code>{Encode(span.Value)}</code>",
        TextStyle.Strong => $"<strong>{Encode(span.Value)}</strong>",
        _ => Encode(span.Value),
    }));
}
