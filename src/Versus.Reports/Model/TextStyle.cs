namespace Versus.Reports.Model;

/// <summary>How a run of text is set: renderers map these to their own syntax (backticks, &lt;code&gt;, bold...).</summary>
public enum TextStyle
{
    Plain,

    /// <summary>An identifier the user types (engine, workload, run id).</summary>
    Code,

    /// <summary>Emphasis a reader must not miss ("not comparable", "INVALID").</summary>
    Strong,
}
