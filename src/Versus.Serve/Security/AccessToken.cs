using System.Security.Cryptography;
using System.Text;

namespace Versus.Serve.Security;

/// <summary>
/// The --token secret. Only its SHA-256 is kept, and candidates are compared by hash in constant time, so neither the
/// time taken nor the length of a guess tells an attacker anything. The secret never appears in a message or log.
/// </summary>
public sealed class AccessToken
{
    public const string CookieName = "versus-token";

    private readonly byte[]? hash;

    public AccessToken(string? token) => hash = string.IsNullOrEmpty(token) ? null : Hash(token);

    /// <summary>False when serving without a token (loopback only): every request is let in.</summary>
    public bool IsRequired => hash is not null;

    public bool Matches(string? candidate) =>
        hash is not null && candidate is not null && CryptographicOperations.FixedTimeEquals(Hash(candidate), hash);

    /// <summary>What the login cookie holds: the hash, hex, so the secret itself is not stored in the browser.</summary>
    public string? CookieValue => hash is null ? null : Convert.ToHexString(hash);

    public bool MatchesCookie(string? cookie) =>
        hash is not null && cookie is not null && cookie.Length == hash.Length * 2 &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(CookieValue!));

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
