namespace Kolla.Facts;

/// <summary>One directory of <c>/sys/class/net</c>.</summary>
/// <param name="Name">The interface name.</param>
/// <param name="Attributes">
/// The entries of <see cref="NetworkFacts.AttributeNames"/> that exist, by relative path: the trimmed content, or
/// null when it is empty or cannot be read (a directory, or <c>speed</c> of a link that is down). For <c>device</c>
/// and <c>device/driver/module</c>, the last part of the link target.
/// </param>
/// <param name="BridgePorts">The entries of <c>brif/</c>, in directory order (empty when it is not a bridge).</param>
internal sealed record DeviceSource(string Name, IReadOnlyDictionary<string, string?> Attributes, IReadOnlyList<string> BridgePorts);
