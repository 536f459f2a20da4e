using Kolla.Serialization;

namespace Kolla.Images;

/// <summary>What a build did, image by image, in plan order.</summary>
/// <param name="Results">One result per planned image.</param>
/// <param name="NotMatched">Images the selection left out.</param>
public sealed record ImageBuildSummary(IReadOnlyList<ImageBuildResult> Results, IReadOnlyList<string> NotMatched)
{
    /// <summary>True when no image failed.</summary>
    public bool Succeeded => Results.All(r => r.Status is ImageBuildStatus.Built or ImageBuildStatus.Skipped);

    /// <summary>
    /// kolla-build's JSON summary, one line:
    /// <c>{"built":[{"name":..}],"failed":[{"name":..,"status":..}],"not_matched":[{"name":..}],"skipped":[{"name":..}]}</c>.
    /// </summary>
    public string ToJson()
    {
        var summary = new Dictionary<string, object>
        {
            ["built"] = Results.Where(r => r.Status == ImageBuildStatus.Built).Select(r => new Dictionary<string, string> { ["name"] = r.Name }).ToList(),
            ["failed"] = Results.Where(r => r.Status is ImageBuildStatus.Error or ImageBuildStatus.ParentError)
                .Select(r => new Dictionary<string, string> { ["name"] = r.Name, ["status"] = r.StatusName }).ToList(),
            ["not_matched"] = NotMatched.Select(n => new Dictionary<string, string> { ["name"] = n }).ToList(),
            ["skipped"] = Results.Where(r => r.Status == ImageBuildStatus.Skipped).Select(r => new Dictionary<string, string> { ["name"] = r.Name }).ToList(),
        };
        return PlainJson.Serialize(summary);
    }
}
