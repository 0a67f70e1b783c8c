namespace Versus.Serve.Hosting;

/// <summary>The dashboard could not start for a reason the user can fix (port in use, store unreadable): one printable line.</summary>
public sealed class ServeStartException(string message, Exception? inner = null) : Exception(message, inner);
