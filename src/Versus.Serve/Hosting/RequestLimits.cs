namespace Versus.Serve.Hosting;

/// <summary>
/// Upper bounds on what a request may carry. The largest legitimate request is the new-run form (a few hundred bytes);
/// anything far beyond is refused by Kestrel (413, 414, 431) before a handler sees it.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 16 * 1024;

    public const int MaxRequestLineBytes = 4 * 1024;

    public const int MaxHeaderBytes = 16 * 1024;

    public const int MaxFormValues = 64;

    public const int MaxFormValueBytes = 1024;
}
