namespace Kolla.Facts;

/// <summary>The network material: interfaces from <c>/sys/class/net</c>, addresses and the two route lookups.</summary>
/// <param name="Devices">The interfaces in directory order (the order Ansible walks them).</param>
/// <param name="Addresses">The addresses as <c>ip -o addr show</c> prints them, in the kernel's order.</param>
/// <param name="RouteV4">The first line of <c>ip -4 route get 8.8.8.8</c>, or null when it printed nothing.</param>
/// <param name="RouteV6">The first line of <c>ip -6 route get 2404:6800:400a:800::1012</c>, or null when it printed nothing.</param>
internal sealed record NetworkSource(
    IReadOnlyList<DeviceSource> Devices,
    IReadOnlyList<AddressLine> Addresses,
    string? RouteV4,
    string? RouteV6);
