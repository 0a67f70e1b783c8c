namespace Versus.Store;

/// <summary>
/// A store problem the user can act on (unwritable path, database from a newer Versus, unknown run), worded as one line
/// the CLI can print as it is. Not sealed: <see cref="AmbiguousRunIdException"/> refines it so callers catch one type.
/// </summary>
public class StoreException : Exception
{
    public StoreException(string message) : base(message) { }

    public StoreException(string message, Exception innerException) : base(message, innerException) { }
}
