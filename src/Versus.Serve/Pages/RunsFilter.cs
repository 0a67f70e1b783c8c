using System.Globalization;
using System.Text.RegularExpressions;

namespace Versus.Serve.Pages;

/// <summary>
/// The runs page's query (engine, workload, machine, status, page), validated: a value outside its pattern is an error,
/// not a filter.
/// </summary>
internal sealed partial record RunsFilter(string? Engine, string? Workload, string? Machine, string? Status, int Page)
{
    public const int PageSize = 20;

    public static (RunsFilter? Filter, string? Problem) Parse(string? engine, string? workload, string? machine, string? status, string? page)
    {
        foreach (var (name, value) in new[] { ("engine", engine), ("workload", workload), ("machine", machine), ("status", status) })
        {
            if (!string.IsNullOrEmpty(value) && !Value().IsMatch(value))
                return (null, $"{name} '{(value.Length > 40 ? value[..40] + "…" : value)}' is not a filter value (letters, digits, ':', '.', '_', '-'; at most 64).");
        }
        var number = 1;
        if (!string.IsNullOrEmpty(page) &&
            (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 100_000))
        {
            return (null, $"page '{(page.Length > 12 ? page[..12] + "…" : page)}' is not a page number (1 or more).");
        }
        return (new RunsFilter(Blank(engine), Blank(workload), Blank(machine), Blank(status), number), null);
    }

    public string Query(int page)
    {
        var parts = new List<string>();
        if (Engine is not null) parts.Add("engine=" + Uri.EscapeDataString(Engine));
        if (Workload is not null) parts.Add("workload=" + Uri.EscapeDataString(Workload));
        if (Machine is not null) parts.Add("machine=" + Uri.EscapeDataString(Machine));
        if (Status is not null) parts.Add("status=" + Uri.EscapeDataString(Status));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        return "?" + string.Join("&", parts);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[A-Za-z0-9:._-]{1,64}$")]
    private static partial Regex Value();
}
