namespace Kolla.Tests;

/// <summary>Tests that create or remove images labelled <c>kolla_version</c> on the shared engine run one at a time.</summary>
public static class KollaImagesCollection
{
    public const string Name = "Kolla images on the shared engine";
}
