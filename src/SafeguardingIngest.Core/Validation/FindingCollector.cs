namespace SafeguardingIngest.Validation;

/// <summary>Gathers findings up to a limit, counting the rest, so a hopeless file cannot flood a report.</summary>
public sealed class FindingCollector(int limit)
{
    private readonly List<Finding> _findings = [];

    /// <summary>The findings kept, in the order found.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Errors found, including any not kept.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Warnings found, including any not kept.</summary>
    public int WarningCount { get; private set; }

    /// <summary>Findings found beyond the limit and not kept.</summary>
    public int NotShown { get; private set; }

    /// <summary>Records a finding.</summary>
    public void Add(Finding finding)
    {
        Count(finding);
        if (_findings.Count < limit)
        {
            _findings.Add(finding);
        }
        else
        {
            NotShown++;
        }
    }

    /// <summary>
    /// Records a finding that must be seen whatever came before it (why the file could not be read
    /// on): put first, and if the list is full, the last finding kept makes room.
    /// </summary>
    public void AddFirst(Finding finding)
    {
        Count(finding);
        if (_findings.Count >= limit)
        {
            _findings.RemoveAt(_findings.Count - 1);
            NotShown++;
        }

        _findings.Insert(0, finding);
    }

    /// <summary>
    /// Records a finding that belongs at <paramref name="position"/> among those kept, as if it had been
    /// added then: a finding past the limit is counted and not kept, and one that pushes the list over
    /// the limit drops the last finding kept, which would never have been reached.
    /// </summary>
    public void AddAt(int position, Finding finding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        Count(finding);
        if (position >= limit)
        {
            NotShown++;
            return;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, _findings.Count);

        _findings.Insert(position, finding);
        if (_findings.Count > limit)
        {
            _findings.RemoveAt(_findings.Count - 1);
            NotShown++;
        }
    }

    /// <summary>Records a finding of <paramref name="rule"/>.</summary>
    public void Add(Rule rule, string? sheet, string? cell, string? value, string message) =>
        Add(Finding.Of(rule, sheet, cell, value, message));

    private void Count(Finding finding)
    {
        if (finding.Severity == Severity.Error)
        {
            ErrorCount++;
        }
        else
        {
            WarningCount++;
        }
    }
}
