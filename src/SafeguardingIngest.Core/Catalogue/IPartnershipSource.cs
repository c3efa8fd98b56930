namespace SafeguardingIngest.Catalogue;

/// <summary>The partnership's reference data as currently published.</summary>
public interface IPartnershipSource
{
    /// <summary>The reference data in force: the latest good version.</summary>
    Task<Partnership> GetAsync(CancellationToken cancellationToken);

    /// <summary>The reference data in force and its version (the ETag of the document it was read from).</summary>
    Task<(Partnership Partnership, string Version)> GetVersionedAsync(CancellationToken cancellationToken);

    /// <summary>Publishes new reference data (checked first; a broken document is refused with its problems).</summary>
    Task PublishAsync(Stream json, CancellationToken cancellationToken);
}
