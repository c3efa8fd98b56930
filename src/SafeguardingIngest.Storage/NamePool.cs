using System.Collections.Concurrent;

namespace SafeguardingIngest.Storage;

/// <summary>
/// One copy of each code and source cell a read meets: a quarter's rows repeat a few hundred indicator,
/// locality and cell names many thousands of times, and each row read from a table brings its own copy.
/// </summary>
internal sealed class NamePool
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The pooled copy of <paramref name="name"/> (the first seen equal to it).</summary>
    public string Of(string name) => _names.GetOrAdd(name, name);
}
