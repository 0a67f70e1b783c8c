using System.Globalization;
using Versus.Core.Results;
using Versus.Core.Validation;

namespace Versus.Reports.Verdict;

/// <summary>
/// How much each priority weighs (0 or more, at least one above 0). <see cref="Profile"/> names the preset the weights
/// came from, or is null for weights the user typed. A priority missing from <see cref="Weights"/> weighs 0.
/// Compare priorities with <see cref="Weight"/>: record equality compares the dictionary by reference.
/// </summary>
public sealed record Priorities(string? Profile, IReadOnlyDictionary<Priority, double> Weights)
{
    /// <summary>Where parse errors say they come from: the command-line option the lead wires to <see cref="Parse"/>.</summary>
    public const string OptionName = "--priorities";

    /// <summary>Every priority weighing 1: what a run without --priorities recommends by.</summary>
    public static Priorities Default { get; } =
        new(PriorityProfiles.Balanced, Enum.GetValues<Priority>().ToDictionary(p => p, _ => 1.0));

    public double Weight(Priority priority) => Weights.TryGetValue(priority, out var weight) ? weight : 0;

    /// <summary>
    /// Reads a profile name ("research") or a list of priorities, each optionally weighted: "training-speed,browser"
    /// (weight 1 each) or "training-speed=3,browser=1". Every problem is reported, each naming the value and what is allowed.
    /// A text that is exactly a profile name is that profile ("edge" is the edge profile; "edge=1" weighs edge alone).
    /// </summary>
    public static PrioritiesParseResult Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Invalid(Error("", $"is empty; give a profile ({string.Join(", ", PriorityProfiles.Names)}) or priorities " +
                $"such as training-speed=3,browser=1 from: {string.Join(", ", PriorityNames.All)}"));
        if (PriorityProfiles.TryGet(trimmed, out var profile)) return new PrioritiesParseResult(profile, []);

        var errors = new List<ValidationError>();
        var weights = new Dictionary<Priority, double>();
        foreach (var raw in trimmed.Split(','))
        {
            var item = raw.Trim();
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? item : item[..equals]).Trim();
            if (name.Length == 0)
            {
                errors.Add(Error(item, $"names no priority; allowed: {string.Join(", ", PriorityNames.All)}"));
                continue;
            }
            if (!PriorityNames.TryParse(name, out var priority))
            {
                errors.Add(Error(item, $"'{name}' is not a priority or a profile; allowed priorities: " +
                    $"{string.Join(", ", PriorityNames.All)}; profiles: {string.Join(", ", PriorityProfiles.Names)}"));
                continue;
            }
            if (ReadWeight(item, equals) is not { } weight)
            {
                errors.Add(Error(item, $"the weight of '{name}' must be a finite number of 0 or more, e.g. {name}=2"));
                continue;
            }
            if (!weights.TryAdd(priority, weight))
                errors.Add(Error(item, $"'{name}' is given more than once; give each priority once"));
        }
        if (errors.Count == 0 && weights.Values.All(w => w == 0))
            errors.Add(Error(trimmed, "every weight is 0; give at least one priority a weight above 0"));
        return errors.Count > 0
            ? new PrioritiesParseResult(null, errors)
            : new PrioritiesParseResult(new Priorities(null, weights), []);
    }

    /// <summary>The priorities a run recorded. Names this version does not know are an error, not silently dropped.</summary>
    public static PrioritiesParseResult FromRecord(PrioritiesRecord record)
    {
        var errors = new List<ValidationError>();
        var weights = new Dictionary<Priority, double>();
        foreach (var (name, weight) in record.Weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (!PriorityNames.TryParse(name, out var priority))
                errors.Add(new ValidationError("results.json", $"options.priorities.weights.{name}",
                    $"'{name}' is not a priority; allowed: {string.Join(", ", PriorityNames.All)}"));
            else if (!double.IsFinite(weight) || weight < 0)
                errors.Add(new ValidationError("results.json", $"options.priorities.weights.{name}",
                    $"weight {weight.ToString(CultureInfo.InvariantCulture)} must be a finite number of 0 or more"));
            else
                weights[priority] = weight;
        }
        if (errors.Count == 0 && weights.Values.All(w => w == 0))
            errors.Add(new ValidationError("results.json", "options.priorities.weights", "every weight is 0"));
        return errors.Count > 0
            ? new PrioritiesParseResult(null, errors)
            : new PrioritiesParseResult(new Priorities(record.Profile, weights), []);
    }

    /// <summary>The priorities a run recorded, or <see cref="Default"/> for a run that recorded none or none this version reads.</summary>
    public static Priorities Of(RunOptionsRecord options) =>
        options.Priorities is { } recorded && FromRecord(recorded).Priorities is { } read ? read : Default;

    /// <summary>Every priority with its weight (0 included), so the record says what was left out as well as what counted.</summary>
    public PrioritiesRecord ToRecord() =>
        new(Profile, Enum.GetValues<Priority>().ToDictionary(p => p.Name(), Weight));

    /// <summary>"profile balanced", or the weights where no profile named them: what a sentence calls these priorities.</summary>
    public string Name() => Profile is null ? Describe() : $"profile {Profile}";

    /// <summary>"training-speed=3, browser=1": the weights above 0, in the enum's order.</summary>
    public string Describe()
    {
        var weighted = string.Join(", ", Enum.GetValues<Priority>().Where(p => Weight(p) > 0)
            .Select(p => $"{p.Name()}={Weight(p).ToString("0.###", CultureInfo.InvariantCulture)}"));
        return Profile is null ? weighted : $"profile {Profile} ({weighted})";
    }

    private static double? ReadWeight(string item, int equals)
    {
        if (equals < 0) return 1;
        var text = item[(equals + 1)..].Trim();
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight);
        return parsed && double.IsFinite(weight) && weight >= 0 ? weight : null;
    }

    private static ValidationError Error(string value, string message) => new(OptionName, value, message);

    private static PrioritiesParseResult Invalid(ValidationError error) => new(null, [error]);
}
