using System.Globalization;

namespace Versus.Serve.Hosting;

/// <summary>The listening options checked before anything starts: every problem as one line naming the value and what is allowed.</summary>
public static class ServeOptionsValidator
{
    public const int DefaultPort = 8484;

    /// <summary>The shortest token accepted: a guessable token on a remote bind would be no protection.</summary>
    public const int MinimumTokenLength = 16;

    public static (int Port, IReadOnlyList<string> Problems) Validate(string? port, bool allowRemote, string? token)
    {
        var problems = new List<string>();
        var value = DefaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value is < 1 or > 65535))
        {
            problems.Add($"--port '{port}' is not a port; use a whole number from 1 to 65535");
        }
        if (allowRemote && string.IsNullOrEmpty(token))
        {
            problems.Add("--allow-remote needs --token: anyone who can reach the port could otherwise start runs; give a secret of at least "
                + $"{MinimumTokenLength} characters");
        }
        else if (token is not null && token.Length < MinimumTokenLength)
        {
            // The token itself is never echoed: only its length.
            problems.Add($"--token is {token.Length} characters; use at least {MinimumTokenLength}");
        }
        return (value, problems);
    }
}
