namespace Versus.Serve.Hosting;

/// <summary>
/// How to start "versus" again as a child: the program and the arguments that come before the command ("dotnet
/// versus.dll" when run through dotnet). Arguments are a list, never a shell string.
/// </summary>
public sealed record RunLauncher(string FileName, IReadOnlyList<string> Arguments);
