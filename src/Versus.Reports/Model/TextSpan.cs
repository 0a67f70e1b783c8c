namespace Versus.Reports.Model;

public sealed record TextSpan(string Value, TextStyle Style);
