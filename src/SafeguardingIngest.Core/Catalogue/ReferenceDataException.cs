namespace SafeguardingIngest.Catalogue;

/// <summary>One thing wrong with a reference data file: where (a JSON path) and why.</summary>
public sealed record ReferenceDataProblem(string Path, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>Thrown when reference data cannot be used; lists every problem found.</summary>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    public ReferenceDataException(IReadOnlyList<ReferenceDataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public ReferenceDataException(string path, string reason)
        : this([new ReferenceDataProblem(path, reason)])
    {
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<ReferenceDataProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ReferenceDataProblem> problems) =>
        problems.Count == 1
            ? $"The reference data cannot be used: {problems[0]}"
            : $"The reference data cannot be used ({problems.Count} problems):{Environment.NewLine}" +
              string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
