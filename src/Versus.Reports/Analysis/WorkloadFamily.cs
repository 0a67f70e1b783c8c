using System.Globalization;

namespace Versus.Reports.Analysis;

/// <summary>Members of a workload family ("depth" gives depth-2, depth-4, ...): the id is the family, a dash and N.</summary>
internal static class WorkloadFamily
{
    public static int? Parameter(string family, string workloadId)
    {
        var prefix = family + "-";
        if (!workloadId.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = workloadId[prefix.Length..];
        return rest.Length > 0 && rest.All(char.IsAsciiDigit) && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static bool IsMember(string family, string workloadId) => Parameter(family, workloadId) is not null;
}
