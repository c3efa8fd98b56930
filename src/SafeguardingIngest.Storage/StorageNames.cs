namespace SafeguardingIngest.Storage;

/// <summary>The containers and tables of docs/storage.md, with the configured prefix.</summary>
public sealed class StorageNames(string prefix)
{
    /// <summary>The prefix every name starts with ("" by default).</summary>
    public string Prefix => prefix;

    /// <summary>Uploads: {agency}/{period}/{file}.</summary>
    public string Returns => prefix + "returns";

    /// <summary>Feedback: {agency}/{period}/{submission}.html and .json.</summary>
    public string Feedback => prefix + "feedback";

    /// <summary>Accepted originals, never overwritten.</summary>
    public string Archive => prefix + "archive";

    /// <summary>Refused originals.</summary>
    public string Quarantine => prefix + "quarantine";

    /// <summary>partnership.json.</summary>
    public string Config => prefix + "config";

    /// <summary>
    /// Releases for the performance team (workbook, JSON, decisions, manifest): {period}/releases/{n}/….
    /// </summary>
    public string Reports => prefix + "reports";

    /// <summary>Releases to publish (the page, the csv and its metadata): {period}/releases/{n}/….</summary>
    public string Publications => prefix + "publications";

    /// <summary>Submissions and current pointers, one partition per period.</summary>
    public string Submissions => TableName("Submissions");

    /// <summary>Observations, actions and risks, one partition per period.</summary>
    public string Observations => TableName("Observations");

    /// <summary>Compile watermarks: when each period last changed and was last compiled.</summary>
    public string Compilations => TableName("Compilations");

    /// <summary>
    /// The blob trigger's poison queue, where the Functions host names an upload after its last retry
    /// (webjobs-blobtrigger-poison; prefixed only for tests and sgi).
    /// </summary>
    public string PoisonQueue => prefix + "webjobs-blobtrigger-poison";

    /// <summary>Every container.</summary>
    public IEnumerable<string> Containers => [Returns, Feedback, Archive, Quarantine, Config, Reports, Publications];

    /// <summary>Every table.</summary>
    public IEnumerable<string> Tables => [Submissions, Observations, Compilations];

    private string TableName(string name) => prefix.Length == 0 ? name : "t" + prefix + name;
}
