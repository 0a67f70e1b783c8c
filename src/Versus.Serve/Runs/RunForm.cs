using System.Globalization;
using Versus.Core.Planning;
using Versus.Reports.Verdict;

namespace Versus.Serve.Runs;

/// <summary>
/// The new-run form, validated on the server: every field's problem is kept (shown beside its field), and only a form
/// with none becomes the argument list of 'versus run'. Values are chosen from lists, so none reaches the child unchecked.
/// </summary>
public sealed record RunForm(
    IReadOnlyList<string> Engines,
    IReadOnlyList<string> Workloads,
    bool Quick,
    bool NoDeploy,
    string Threads,
    string Epochs,
    string Priorities)
{
    public static RunForm Default { get; } = new([], [], Quick: true, NoDeploy: true, Threads: "", Epochs: "", PriorityProfiles.Balanced);

    /// <summary>Problems by field name ("engines", "workloads", "threads", "epochs", "priorities"); empty when the form is good.</summary>
    public IReadOnlyDictionary<string, string> Validate(IReadOnlyList<EngineChoice> engines, IReadOnlyList<string> workloads)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Engines.Count == 0) problems["engines"] = "Choose at least one engine.";
        else if (Engines.FirstOrDefault(e => engines.All(c => c.Id != e)) is { } unknown)
            problems["engines"] = $"'{Short(unknown)}' is not an engine; choose from the list.";
        else if (Engines.FirstOrDefault(e => engines.Any(c => c.Id == e && !c.Usable)) is { } unusable)
            problems["engines"] = $"{unusable} cannot run here: {engines.First(c => c.Id == unusable).Summary}";
        if (Workloads.Count == 0) problems["workloads"] = "Choose at least one workload.";
        else if (Workloads.FirstOrDefault(w => !workloads.Contains(w)) is { } unknownWorkload)
            problems["workloads"] = $"'{Short(unknownWorkload)}' is not a workload; choose from the list.";
        if (Threads.Length > 0 &&
            (!int.TryParse(Threads, NumberStyles.None, CultureInfo.InvariantCulture, out var threads) || threads is < ThreadCount.Min or > ThreadCount.Max))
            problems["threads"] = $"'{Short(Threads)}' is not a thread count; use a whole number from {ThreadCount.Min} to {ThreadCount.Max}, or leave it empty for every core.";
        // 'versus run --epochs' has the same rule (EpochCount), so a form accepted here is never refused by the run.
        if (Epochs.Length > 0 && !EpochCount.TryParse(Epochs, out _))
            problems["epochs"] = $"'{Short(Epochs)}' {EpochCount.Allowed}; or leave it empty for the workload's own (2 with Quick).";
        if (!PriorityProfiles.Names.Contains(Priorities))
            problems["priorities"] = $"'{Short(Priorities)}' is not a profile; choose one of {string.Join(", ", PriorityProfiles.Names)}.";
        return problems;
    }

    /// <summary>The arguments after the program: "run --engines a,b --workloads x --db PATH ...". Only call on a valid form.</summary>
    public IReadOnlyList<string> Arguments(string storePath)
    {
        var args = new List<string> { "run", "--engines", string.Join(',', Engines), "--workloads", string.Join(',', Workloads), "--db", storePath };
        if (Quick) args.Add("--quick");
        if (NoDeploy) args.Add("--no-deploy");
        if (Threads.Length > 0) args.AddRange(["--threads", Threads]);
        if (EpochCount.TryParse(Epochs, out var epochs)) args.AddRange(["--epochs", epochs.ToString(CultureInfo.InvariantCulture)]);
        args.AddRange(["--priorities", Priorities]);
        return args;
    }

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
