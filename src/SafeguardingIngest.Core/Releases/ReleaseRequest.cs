using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Releases;

/// <summary>
/// What a release is built from (<see cref="ReleaseBuilder"/>): the compiled return, the reference data it was
/// compiled against, the publication settings, whether the quarter is final, the release's number, every earlier
/// release's decisions for the quarter (read a family at a time), the submissions read, and the digest of those
/// inputs.
/// </summary>
public sealed record ReleaseRequest(
    ConsolidatedReturn Report,
    Partnership Partnership,
    PublicationOptions Publication,
    ReleaseStatus Status,
    int Number,
    EarlierDecisions Earlier,
    IReadOnlyList<ReleaseInput> Inputs,
    string InputsDigest);
